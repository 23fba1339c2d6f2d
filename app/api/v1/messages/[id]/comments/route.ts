import { apiActor } from "@/lib/api/authenticate";
import { commentJson } from "@/lib/api/comment-json";
import { readJson } from "@/lib/api/read-json";
import { apiError, json } from "@/lib/api/respond";
import { createComment } from "@/lib/comments/create-comment";

/** Files a comment, an annotation (with `selector`) or a reply (with `parentId`). */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const actor = await apiActor(request);
    const body = await readJson(request);
    const idempotencyKey = request.headers.get("idempotency-key") ?? undefined;
    const { comment, created } = await createComment(actor, { ...body, messageId: (await context.params).id, idempotencyKey });
    return json(commentJson(comment), { status: created ? 201 : 200 });
  } catch (error) {
    return apiError(error);
  }
}
