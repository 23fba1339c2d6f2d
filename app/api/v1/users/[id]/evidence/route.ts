import { apiActor } from "@/lib/api/authenticate";
import { apiError, json } from "@/lib/api/respond";
import { userEvidence } from "@/lib/moderation/evidence";

/** Everything kept about one person: their comments, flags, suspensions and audit trail (secretariat and administrators). */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    return json(await userEvidence(await apiActor(request), (await context.params).id), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return apiError(error);
  }
}
