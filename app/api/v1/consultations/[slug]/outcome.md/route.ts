import { download } from "@/lib/api/download";
import { apiError, notFound } from "@/lib/api/respond";
import { getOutcome } from "@/lib/finalisation/outcome";
import { outcomeMarkdown } from "@/lib/finalisation/outcome-markdown";

/** The published outcome as a Markdown download; 404 until the outcome is published. */
export async function GET(_request: Request, context: { params: Promise<{ slug: string }> }) {
  try {
    const outcome = await getOutcome((await context.params).slug);
    return outcome ? download(outcomeMarkdown(outcome), "text/markdown; charset=utf-8", `${outcome.slug}-outcome.md`) : notFound();
  } catch (error) {
    return apiError(error);
  }
}
