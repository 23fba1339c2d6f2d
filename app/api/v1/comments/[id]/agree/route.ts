import { apiActor } from "@/lib/api/authenticate";
import { apiError, json } from "@/lib/api/respond";
import { setAgreement } from "@/lib/comments/agree";

type Context = { params: Promise<{ id: string }> };

async function respond(request: Request, context: Context, agree: boolean) {
  try {
    const actor = await apiActor(request);
    return json(await setAgreement(actor, { commentId: (await context.params).id }, agree));
  } catch (error) {
    return apiError(error);
  }
}

/** "I agree" (idempotent). */
export function POST(request: Request, context: Context) {
  return respond(request, context, true);
}

/** Undoes "I agree". */
export function DELETE(request: Request, context: Context) {
  return respond(request, context, false);
}
