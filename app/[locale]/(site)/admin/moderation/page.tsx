import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { HideFields, QueueItem, type QueueActions } from "@/components/moderation/queue-item";
import { Pagination } from "@/components/navigation/pagination";
import { secretariatPage } from "@/lib/http/page-access";
import { pageParam } from "@/lib/http/pagination";
import { moderationQueue, QUEUE_STATES, queueQuery, type QueueQuery } from "@/lib/moderation/queue";
import { queueConsultations } from "@/lib/moderation/filters";
import { FLAG_REASONS } from "@/lib/moderation/schemas";
import { appealDecisionAction, approveAction, bulkAction, hideAction, restoreAction, suspensionAction } from "./actions";
import { localeDirection } from "@/lib/i18n/locales";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("moderation.queue"))("title") };
}

const actions: QueueActions = { approve: approveAction, hide: hideAction, restore: restoreAction, suspension: suspensionAction, appeal: appealDecisionAction, bulk: bulkAction };
const BULK_FORM = "bulk-decision";

type QueuePageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The link to a page of the queue with the same filters. */
function queueHref(query: QueueQuery, page: number) {
  const params = new URLSearchParams(
    Object.entries({ consultation: query.consultation, reason: query.reason, state: query.state, page: page === 1 ? undefined : String(page) }).flatMap(([key, value]) =>
      value ? [[key, value]] : [],
    ),
  ).toString();
  return params ? `/admin/moderation?${params}` : "/admin/moderation";
}

export default async function ModerationQueuePage({ searchParams }: QueuePageProps) {
  const actor = await secretariatPage("/admin/moderation");
  const params = await searchParams;
  const query = queueQuery(params, pageParam(params.page));
  const [queue, consultations] = await Promise.all([moderationQueue(actor, query), queueConsultations(actor)]);
  const t = await getTranslations("moderation.queue");
  const m = await getTranslations("moderation");
  return (
    <div>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <form method="get" action="/admin/moderation" className="queue-filters" aria-label={t("filters")}>
        <div className="field">
          <label htmlFor="filter-consultation">{t("consultation")}</label>
          <select id="filter-consultation" name="consultation" defaultValue={query.consultation ?? ""}>
            <option value="">{t("allConsultations")}</option>
            {consultations.map((consultation) => (
              <option key={consultation.slug} value={consultation.slug} lang={consultation.language} dir={localeDirection(consultation.language)}>
                {consultation.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-reason">{t("reason")}</label>
          <select id="filter-reason" name="reason" defaultValue={query.reason ?? ""}>
            <option value="">{t("allReasons")}</option>
            {FLAG_REASONS.map((reason) => (
              <option key={reason} value={reason}>
                {m(`reasons.${reason}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-state">{t("state")}</label>
          <select id="filter-state" name="state" defaultValue={query.state ?? ""}>
            <option value="">{t("allStates")}</option>
            {QUEUE_STATES.map((state) => (
              <option key={state} value={state}>
                {t(`filterStates.${state}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="secondary">
          {t("applyFilters")}
        </button>
      </form>

      <h2 aria-live="polite">{t("count", { count: queue.total })}</h2>
      <ClientMessages namespaces={["moderation"]}>
        {queue.items.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <>
            <ol className="queue">
              {queue.items.map((item) => (
                <QueueItem key={item.id} item={item} actions={actions} bulkFormId={BULK_FORM} />
              ))}
            </ol>
            <section aria-labelledby="bulk-heading" className="queue-bulk">
              <h2 id="bulk-heading">{t("bulkHeading")}</h2>
              <p className="hint">{t("bulkHint")}</p>
              <ActionForm action={actions.bulk} id={BULK_FORM} label={t("bulkHeading")}>
                <fieldset>
                  <legend>{t("bulkDecision")}</legend>
                  <div className="choice">
                    <input type="radio" id="bulk-approve" name="decision" value="approve" required />
                    <label htmlFor="bulk-approve">{t("bulkApprove")}</label>
                  </div>
                  <div className="choice">
                    <input type="radio" id="bulk-hide" name="decision" value="hide" required />
                    <label htmlFor="bulk-hide">{t("bulkHide")}</label>
                  </div>
                </fieldset>
                <p className="hint">{t("bulkHideHint")}</p>
                <HideFields idPrefix="bulk" optional />
                <button type="submit">{t("bulkSend")}</button>
              </ActionForm>
            </section>
          </>
        )}
      </ClientMessages>
      <Pagination page={queue.page} pageCount={queue.pageCount} href={(page) => queueHref(query, page)} label={t("pages")} />
    </div>
  );
}
