import { download } from "@/lib/api/download";
import { apiError, notFound } from "@/lib/api/respond";
import { DOCX_CONTENT_TYPE, outcomeWordFile } from "@/lib/exports/outcome-word";

/** The published outcome as a Word document, the changes from the draft as tracked changes. */
export async function GET(_request: Request, context: { params: Promise<{ slug: string }> }) {
  try {
    const file = await outcomeWordFile((await context.params).slug);
    return file ? download(file.bytes, DOCX_CONTENT_TYPE, file.fileName) : notFound();
  } catch (error) {
    return apiError(error);
  }
}
