import { download } from "@/lib/api/download";
import { apiError, notFound } from "@/lib/api/respond";
import { commentsCsv } from "@/lib/exports/comments";

/** Every public comment with its disposition, as CSV, streamed. */
export async function GET(_request: Request, context: { params: Promise<{ slug: string }> }) {
  try {
    const file = await commentsCsv((await context.params).slug);
    return file ? download(file.body, "text/csv; charset=utf-8", file.fileName) : notFound();
  } catch (error) {
    return apiError(error);
  }
}
