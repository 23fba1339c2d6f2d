import { apiActor } from "@/lib/api/authenticate";
import { commentJson } from "@/lib/api/comment-json";
import { readJson } from "@/lib/api/read-json";
import { apiError, json } from "@/lib/api/respond";
import { editComment, withdrawComment } from "@/lib/comments/change-comment";

type Context = { params: Promise<{ id: string }> };

/** Edits one's own comment (`{"body": "…"}`); the earlier text is kept as a revision. */
export async function PATCH(request: Request, context: Context) {
  try {
    const actor = await apiActor(request);
    const body = await readJson(request);
    return json(commentJson(await editComment(actor, { ...body, commentId: (await context.params).id })));
  } catch (error) {
    return apiError(error);
  }
}

/** Withdraws one's own comment; the thread keeps a placeholder. */
export async function DELETE(request: Request, context: Context) {
  try {
    const actor = await apiActor(request);
    return json(commentJson(await withdrawComment(actor, { commentId: (await context.params).id })));
  } catch (error) {
    return apiError(error);
  }
}
