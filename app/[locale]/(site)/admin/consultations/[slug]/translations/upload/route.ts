import { apiActor } from "@/lib/api/authenticate";
import { apiError, json } from "@/lib/api/respond";
import { requireSecretariat } from "@/lib/auth/guards";
import { everyPageChanged } from "@/lib/cache/public-pages";
import { IMPORT_REQUEST_MAX_BYTES, importFormInput } from "@/lib/consultations/import-request";
import { readLimitedForm, refuseLargeBody } from "@/lib/http/read-body";
import { importTranslation } from "@/lib/translations/import-translation";

/**
 * The translation import form's submission (a route, like the draft import,
 * so that it may carry a document). Answers the alignment preview, or what
 * was saved, as JSON; a saved translation changes the public pages (their
 * language lists, the translation's own).
 */
export async function POST(request: Request, context: { params: Promise<{ slug: string }> }) {
  try {
    refuseLargeBody(request, IMPORT_REQUEST_MAX_BYTES);
    const actor = requireSecretariat(await apiActor(request));
    const { source, settings, fields, confirm } = await importFormInput(await readLimitedForm(request, IMPORT_REQUEST_MAX_BYTES));
    const outcome = await importTranslation(actor, (await context.params).slug, source, { ...fields, ...settings }, confirm);
    if (outcome.saved) everyPageChanged();
    return json(outcome);
  } catch (error) {
    return apiError(error);
  }
}
