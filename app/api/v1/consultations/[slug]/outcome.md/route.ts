import { notFound, apiError } from "@/lib/api/respond";
import { getOutcome } from "@/lib/finalisation/outcome";
import { attachmentDisposition, outcomeMarkdown } from "@/lib/finalisation/outcome-markdown";

/** The published outcome as a Markdown download; 404 until the outcome is published. */
export async function GET(_request: Request, context: { params: Promise<{ slug: string }> }) {
  try {
    const outcome = await getOutcome((await context.params).slug);
    if (!outcome) return notFound();
    return new Response(outcomeMarkdown(outcome), {
      headers: {
        "Content-Type": "text/markdown; charset=utf-8",
        "Content-Disposition": attachmentDisposition(`${outcome.slug}-outcome.md`),
        "Access-Control-Allow-Origin": "*",
      },
    });
  } catch (error) {
    return apiError(error);
  }
}
