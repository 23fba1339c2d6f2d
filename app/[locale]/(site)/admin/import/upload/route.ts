import { apiActor } from "@/lib/api/authenticate";
import { apiError, json } from "@/lib/api/respond";
import { requireSecretariat } from "@/lib/auth/guards";
import { importConsultation } from "@/lib/consultations/import-consultation";
import { IMPORT_REQUEST_MAX_BYTES, importFormInput } from "@/lib/consultations/import-request";
import { readLimitedForm, refuseLargeBody } from "@/lib/http/read-body";

/**
 * The import form's submission (a route, not a server action, so that only
 * it may carry a document: server actions keep Next.js's 1 MB). Answers the
 * preview, or the saved consultation's slug, as JSON.
 */
export async function POST(request: Request) {
  try {
    refuseLargeBody(request, IMPORT_REQUEST_MAX_BYTES);
    // Who is asking comes before the body: nobody else makes the server hold megabytes.
    const actor = requireSecretariat(await apiActor(request));
    const { source, settings, confirm } = await importFormInput(await readLimitedForm(request, IMPORT_REQUEST_MAX_BYTES));
    return json(await importConsultation(actor, source, settings, confirm));
  } catch (error) {
    return apiError(error);
  }
}
