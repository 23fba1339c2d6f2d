import type { Metadata } from "next";
import { Link } from "@/components/navigation/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { StateBadge } from "@/components/consultations/state-badge";
import { CorrectionHistory } from "@/components/finalisation/correction-history";
import { DispositionFields } from "@/components/finalisation/disposition-fields";
import { DuplicateGroups } from "@/components/finalisation/duplicate-groups";
import { MessageTable } from "@/components/finalisation/message-table";
import { ProgressTable } from "@/components/finalisation/progress-table";
import { PublishForm } from "@/components/finalisation/publish-form";
import { ActionForm } from "@/components/forms/action-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { finalisationOverview } from "@/lib/finalisation/overview";
import { secretariatPage } from "@/lib/http/page-access";
import { formatInstant } from "@/lib/time/format";
import { dispositionAction, publishAction } from "./actions";

type FinalisePageProps = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: FinalisePageProps): Promise<Metadata> {
  return { title: `${(await getTranslations("finalise"))("title")}: ${(await params).slug}` };
}

export default async function FinalisePage({ params }: FinalisePageProps) {
  const { slug } = await params;
  const actor = await secretariatPage(`/admin/consultations/${slug}/finalise`);
  const overview = await finalisationOverview(actor, slug);
  if (!overview) notFound();
  const { consultation, state, sections, overall, duplicates, corrections } = overview;
  const t = await getTranslations("finalise");
  const locale = await getLocale();
  const workspace = (number: string) => `/admin/consultations/${slug}/finalise/${number}`;
  const finalisable = state === "CLOSED" || state === "FINAL";
  return (
    <div className="admin-consultation">
      <p className="eyebrow">
        <Link href={`/admin/consultations/${slug}`}>{consultation.title}</Link>
      </p>
      <h1>{t("title")}</h1>
      <p className="meta">
        <StateBadge state={state} />
        {consultation.finalisedAt ? <> · {t("publishedAt", { time: formatInstant(consultation.finalisedAt, locale, consultation.referenceTimeZone) })}</> : null}
      </p>
      {finalisable ? null : (
        <p role="status" className="form-alert error">
          {t("errors.notClosed")}
        </p>
      )}
      <p>
        <strong>{t("progress.summary", { answered: overall.answered, total: overall.total })}</strong>
      </p>
      <ProgressTable sections={sections} overall={overall} language={consultation.language} />

      <h2>{t("messages.heading")}</h2>
      <MessageTable sections={sections} slug={slug} />

      <h2>{t("duplicates.heading")}</h2>
      <p className="hint">{t("duplicates.intro")}</p>
      <ClientMessages namespaces={["finalise"]}>
        <DuplicateGroups
          groups={duplicates}
          commentHref={(number, id) => `${workspace(number)}#comment-${id}`}
          answerForm={(group, index) => (
            <ActionForm
              action={dispositionAction}
              label={t("duplicates.answerGroup", { number: index + 1 })}
              disclosure={{ summary: t("duplicates.answerGroupSummary", { count: group.comments.length }), className: "queue-action" }}
            >
              <input type="hidden" name="consultationId" value={consultation.id} />
              {group.comments.map((comment) => (
                <input key={comment.id} type="hidden" name="commentIds" value={comment.id} />
              ))}
              <DispositionFields idPrefix={`group-${index}`} published={state === "FINAL"} />
              <button type="submit">{t("duplicates.answerGroupSend")}</button>
            </ActionForm>
          )}
        />
      </ClientMessages>

      {state === "CLOSED" ? (
        <section aria-labelledby="publish-heading">
          <h2 id="publish-heading">{t("publish.heading")}</h2>
          <ClientMessages namespaces={["finalise"]}>
            <PublishForm
              action={publishAction}
              consultationId={consultation.id}
              unanswered={overall.total - overall.answered}
              canOverride={overview.canOverride}
              keptAsDrafted={overview.keptWithoutFinalText}
            />
          </ClientMessages>
        </section>
      ) : null}

      {state === "FINAL" ? (
        <section aria-labelledby="corrections-heading">
          <h2 id="corrections-heading">{t("corrections.heading")}</h2>
          {consultation.outcomeOverrideReason ? <p>{t("publish.overriddenWith", { reason: consultation.outcomeOverrideReason })}</p> : null}
          <p className="hint">{t("corrections.intro")}</p>
          <CorrectionHistory corrections={corrections} timeZone={consultation.referenceTimeZone} />
        </section>
      ) : null}
    </div>
  );
}
