import { apiActor, bearerToken } from "@/lib/api/authenticate";
import { commentJson } from "@/lib/api/comment-json";
import { parseJsonObject, readJsonText } from "@/lib/api/read-json";
import { apiError, json } from "@/lib/api/respond";
import { answerTokenFirst } from "@/lib/auth/access-tokens";
import { createComment, createCommentWithAccessToken } from "@/lib/comments/create-comment";

/** Files a comment, an annotation (with `selector`) or a reply (with `parentId`). */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const text = await readJsonText(request); // 413 before any database work
    // With a token, the comment's own statement checks it (the hot path); else the session, as on every route.
    const token = bearerToken(request);
    const actor = token ? null : await apiActor(request);
    const body = await answerTokenFirst(token, () => parseJsonObject(text));
    const input = { ...body, messageId: (await context.params).id, idempotencyKey: request.headers.get("idempotency-key") ?? undefined };
    const { comment, created } = token ? await createCommentWithAccessToken(token, input) : await createComment(actor, input);
    return json(commentJson(comment), { status: created ? 201 : 200 });
  } catch (error) {
    return apiError(error);
  }
}
