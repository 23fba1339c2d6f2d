import { apiActor } from "@/lib/api/authenticate";
import { API_BODY_MAX_BYTES } from "@/lib/api/read-json";
import { apiError, json } from "@/lib/api/respond";
import { setAgreement } from "@/lib/comments/agree";
import { refuseLargeBody } from "@/lib/http/read-body";
import { throughWriteGate } from "@/lib/http/write-gate";
import { commentsChanged } from "@/lib/cache/public-pages";

type Context = { params: Promise<{ id: string }> };

async function respond(request: Request, context: Context, agree: boolean) {
  try {
    refuseLargeBody(request, API_BODY_MAX_BYTES); // no body is read here; a big one is still refused
    const commentId = (await context.params).id;
    return await throughWriteGate(async () => {
      const agreement = await setAgreement(await apiActor(request), { commentId }, agree);
      commentsChanged();
      return json(agreement);
    }, request);
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
