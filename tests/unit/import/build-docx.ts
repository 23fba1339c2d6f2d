import { writeZip, type ZipEntry } from "./write-zip";

// Test helper: a minimal but real .docx (WordprocessingML) with Word's heading
// styles and numbering definitions, so mammoth sees headings and list items
// exactly as in a document saved by Word.

export type DocxParagraph =
  | { heading: 1 | 2 | 3; text: string }
  | { text: string; list?: { kind: "bullet" | "decimal"; level?: 0 | 1 } }
  /** Runs of one paragraph; `tab` inserts a <w:tab/>, `bold` a bold run, `link` a hyperlink. */
  | { runs: Array<{ text: string; bold?: boolean } | { tab: true } | { link: string; text: string }> };

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NUM_IDS = { bullet: 1, decimal: 2 } as const;

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const textRun = (text: string, bold = false) =>
  `<w:r>${bold ? "<w:rPr><w:b/></w:rPr>" : ""}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;

function paragraphXml(paragraph: DocxParagraph, links: string[]): string {
  if ("heading" in paragraph) {
    return `<w:p><w:pPr><w:pStyle w:val="Heading${paragraph.heading}"/></w:pPr>${textRun(paragraph.text)}</w:p>`;
  }
  if ("runs" in paragraph) {
    const runs = paragraph.runs.map((run) => {
      if ("tab" in run) return "<w:r><w:tab/></w:r>";
      if ("link" in run) {
        links.push(run.link);
        return `<w:hyperlink r:id="rLink${links.length}">${textRun(run.text)}</w:hyperlink>`;
      }
      return textRun(run.text, run.bold);
    });
    return `<w:p>${runs.join("")}</w:p>`;
  }
  if (paragraph.list) {
    const { kind, level = 0 } = paragraph.list;
    return (
      `<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="${level}"/>` +
      `<w:numId w:val="${NUM_IDS[kind]}"/></w:numPr></w:pPr>${textRun(paragraph.text)}</w:p>`
    );
  }
  return `<w:p>${textRun(paragraph.text)}</w:p>`;
}

const headingStyle = (level: number) =>
  `<w:style w:type="paragraph" w:styleId="Heading${level}"><w:name w:val="heading ${level}"/>` +
  `<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/></w:style>`;

const STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W}">` +
  `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` +
  [1, 2, 3].map(headingStyle).join("") +
  `<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/></w:style>` +
  `</w:styles>`;

const abstractNum = (id: number, format: "bullet" | "decimal") =>
  `<w:abstractNum w:abstractNumId="${id}">` +
  [0, 1]
    .map(
      (level) =>
        `<w:lvl w:ilvl="${level}"><w:start w:val="1"/><w:numFmt w:val="${format}"/>` +
        `<w:lvlText w:val="${format === "bullet" ? "•" : `%${level + 1}.`}"/></w:lvl>`,
    )
    .join("") +
  `</w:abstractNum>`;

const NUMBERING =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="${W}">` +
  abstractNum(0, "bullet") +
  abstractNum(1, "decimal") +
  `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>` +
  `</w:numbering>`;

const CONTENT_TYPES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
  `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
  `<Default Extension="xml" ContentType="application/xml"/>` +
  `<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
  `<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
  `<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>` +
  `</Types>`;

const PACKAGE_RELS =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
  `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/>` +
  `</Relationships>`;

function documentRels(links: readonly string[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rStyles" Type="${R}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rNumbering" Type="${R}/numbering" Target="numbering.xml"/>` +
    links
      .map((link, index) => `<Relationship Id="rLink${index + 1}" Type="${R}/hyperlink" Target="${escapeXml(link)}" TargetMode="External"/>`)
      .join("") +
    `</Relationships>`
  );
}

export function buildDocx(paragraphs: readonly DocxParagraph[]): Uint8Array {
  return writeZip(docxParts(paragraphs));
}

/** The parts of that .docx, for tests that add or replace some. */
export function docxParts(paragraphs: readonly DocxParagraph[]): ZipEntry[] {
  const links: string[] = [];
  const body = paragraphs.map((paragraph) => paragraphXml(paragraph, links)).join("");
  const document =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}<w:sectPr/></w:body></w:document>`;
  return [
    { name: "[Content_Types].xml", data: CONTENT_TYPES },
    { name: "_rels/.rels", data: PACKAGE_RELS },
    { name: "word/document.xml", data: document },
    { name: "word/_rels/document.xml.rels", data: documentRels(links) },
    { name: "word/styles.xml", data: STYLES },
    { name: "word/numbering.xml", data: NUMBERING },
  ];
}
