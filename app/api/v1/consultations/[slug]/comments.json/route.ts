import { download } from "@/lib/api/download";
import { apiError, notFound } from "@/lib/api/respond";
import { commentsJson } from "@/lib/exports/comments";

/** Every public comment with its disposition, as one JSON array, streamed. */
export async function GET(_request: Request, context: { params: Promise<{ slug: string }> }) {
  try {
    const file = await commentsJson((await context.params).slug);
    return file ? download(file.body, "application/json; charset=utf-8", file.fileName) : notFound();
  } catch (error) {
    return apiError(error);
  }
}
