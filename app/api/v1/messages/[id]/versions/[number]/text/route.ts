import { publicVersionText, TEXT_MEDIA_TYPE } from "@/lib/api/message-text";
import { apiError, notFound } from "@/lib/api/respond";

/** A message version's text as text/plain: what the W3C export's TextQuote and TextPosition selectors count in. */
export async function GET(_request: Request, context: { params: Promise<{ id: string; number: string }> }) {
  try {
    const { id, number } = await context.params;
    const text = await publicVersionText(id, number);
    if (text === null) return notFound();
    return new Response(text, {
      headers: {
        "Content-Type": TEXT_MEDIA_TYPE,
        "Access-Control-Allow-Origin": "*",
        "Cache-Control": "public, max-age=300",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return apiError(error);
  }
}
