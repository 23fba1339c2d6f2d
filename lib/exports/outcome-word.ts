import { getOutcome } from "@/lib/finalisation/outcome";
import { isStorableText } from "@/lib/text/user-text";
import { outcomeDocx } from "./outcome-docx";

export const DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** The published outcome of a consultation as a Word file, or null when it has none (not final, unknown). */
export async function outcomeWordFile(slug: string): Promise<{ bytes: Uint8Array<ArrayBuffer>; fileName: string } | null> {
  if (!isStorableText(slug)) return null;
  const outcome = await getOutcome(slug);
  return outcome && { bytes: new Uint8Array(await outcomeDocx(outcome)), fileName: `${outcome.slug}-outcome.docx` };
}
