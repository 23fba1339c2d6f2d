import mammoth from "mammoth";

// Images are not part of a draft's text; an empty src spares mammoth from
// base64-encoding every picture into the HTML. Their alt text is kept.
const skipImageData = mammoth.images.imgElement(async () => ({ src: "" }));

/** Word headings (Heading 1-6 styles) become h1-h6 and numbered/bulleted paragraphs ol/ul. Throws on a non-docx. */
export async function docxToHtml(bytes: Uint8Array): Promise<string> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const result = await mammoth.convertToHtml({ buffer }, { convertImage: skipImageData });
  return result.value;
}
