import { apiCredential } from "@/lib/api/authenticate";
import { commentJson } from "@/lib/api/comment-json";
import { parseJsonObject, readJsonText } from "@/lib/api/read-json";
import { apiError, json } from "@/lib/api/respond";
import { whoIsAskingFirst } from "@/lib/auth/who-is-asking";
import { createComment } from "@/lib/comments/create-comment";
import { throughWriteGate } from "@/lib/http/write-gate";
import { commentsChanged } from "@/lib/cache/public-pages";

/** Files a comment, an annotation (with `selector`) or a reply (with `parentId`). */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const text = await readJsonText(request); // 413 before any database work
    const messageId = (await context.params).id;
    // Beyond this instance's writes in flight: 503 with Retry-After at once, before any database work.
    return await throughWriteGate(async () => {
      const credential = apiCredential(request); // checked in the comment's own statement (the hot path)
      const body = await whoIsAskingFirst(credential, () => parseJsonObject(text));
      const input = { ...body, messageId, idempotencyKey: request.headers.get("idempotency-key") ?? undefined };
      const { comment, created } = await createComment(credential, input);
      if (created) commentsChanged();
      return json(commentJson(comment, { forAuthor: true, receipt: comment.receiptNumber }), { status: created ? 201 : 200 });
    }, request);
  } catch (error) {
    return apiError(error);
  }
}
