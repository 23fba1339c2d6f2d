import { apiActor } from "@/lib/api/authenticate";
import { commentJson } from "@/lib/api/comment-json";
import { API_BODY_MAX_BYTES, parseJsonObject, readJsonText } from "@/lib/api/read-json";
import { apiError, json } from "@/lib/api/respond";
import { editComment, withdrawComment } from "@/lib/comments/change-comment";
import { refuseLargeBody } from "@/lib/http/read-body";
import { throughWriteGate } from "@/lib/http/write-gate";
import { commentsChanged } from "@/lib/cache/public-pages";

type Context = { params: Promise<{ id: string }> };

/** Edits one's own comment (`{"body": "…"}`); the earlier text is kept as a revision. */
export async function PATCH(request: Request, context: Context) {
  try {
    const text = await readJsonText(request); // 413 before any database work
    const commentId = (await context.params).id;
    return await throughWriteGate(async () => {
      const actor = await apiActor(request);
      const body = parseJsonObject(text);
      const comment = await editComment(actor, { ...body, commentId });
      commentsChanged();
      return json(commentJson(comment, { forAuthor: true }));
    }, request);
  } catch (error) {
    return apiError(error);
  }
}

/** Withdraws one's own comment; the thread keeps a placeholder. */
export async function DELETE(request: Request, context: Context) {
  try {
    refuseLargeBody(request, API_BODY_MAX_BYTES); // no body is read here; a big one is still refused
    const commentId = (await context.params).id;
    return await throughWriteGate(async () => {
      const comment = await withdrawComment(await apiActor(request), { commentId });
      commentsChanged();
      return json(commentJson(comment, { forAuthor: true }));
    }, request);
  } catch (error) {
    return apiError(error);
  }
}
