import { publicTranslatedText, TEXT_MEDIA_TYPE } from "@/lib/api/message-text";
import { apiError, notFound } from "@/lib/api/respond";

/** A message's text in a translation (one of its imports) as text/plain: what the W3C export's selectors of annotations made on it count in. */
export async function GET(_request: Request, context: { params: Promise<{ id: string; language: string; number: string }> }) {
  try {
    const { id, language, number } = await context.params;
    const text = await publicTranslatedText(id, language, number);
    if (text === null) return notFound();
    return new Response(text, {
      headers: {
        "Content-Type": TEXT_MEDIA_TYPE,
        "Content-Language": language,
        "Access-Control-Allow-Origin": "*",
        "Cache-Control": "public, max-age=300",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return apiError(error);
  }
}
