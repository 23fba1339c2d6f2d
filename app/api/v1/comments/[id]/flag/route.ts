import { apiActor } from "@/lib/api/authenticate";
import { parseJsonObject, readJsonText } from "@/lib/api/read-json";
import { apiError, json } from "@/lib/api/respond";
import { clientIp } from "@/lib/http/request-context";
import { flagComment } from "@/lib/moderation/flag";
import { commentsChanged } from "@/lib/cache/public-pages";

/** Reports a comment to the moderators (`{"reason": "SPAM", "note": "…"}`), once per person. */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const text = await readJsonText(request); // 413 before any database work
    const actor = await apiActor(request);
    const body = parseJsonObject(text);
    const outcome = await flagComment(actor, { ...body, commentId: (await context.params).id }, { address: clientIp(request.headers) });
    commentsChanged();
    return json({ flagged: true, hidden: outcome.hidden }, { status: 201 });
  } catch (error) {
    return apiError(error);
  }
}
