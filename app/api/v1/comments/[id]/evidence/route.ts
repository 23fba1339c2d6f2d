import { apiActor } from "@/lib/api/authenticate";
import { apiError, json } from "@/lib/api/respond";
import { commentEvidence } from "@/lib/moderation/evidence";

/** Everything kept about one comment (secretariat and administrators). */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    return json(await commentEvidence(await apiActor(request), (await context.params).id), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return apiError(error);
  }
}
