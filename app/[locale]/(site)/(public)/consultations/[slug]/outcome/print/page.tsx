import { cache } from "react";
import type { Metadata } from "next";
import { Link } from "@/components/navigation/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DispositionSummary, OutcomeCorrections, OutcomeDates } from "@/components/outcome/outcome-summary";
import { OutcomeSections } from "@/components/outcome/outcome-sections";
import { LinkedText } from "@/components/text/linked-text";
import { getOutcome } from "@/lib/finalisation/outcome";
import { documentCounts } from "@/lib/finalisation/outcome-text";
import "../outcome.css";
import { localeDirection } from "@/lib/i18n/locales";

/** Metadata and page share one read per request. */
const load = cache(getOutcome);
type OutcomePrintPageProps = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: OutcomePrintPageProps): Promise<Metadata> {
  const outcome = await load((await params).slug);
  if (!outcome) return {};
  const t = await getTranslations("outcome");
  return { title: t("pageTitle", { title: outcome.title }), robots: { index: false } };
}

/**
 * The outcome for paper: every final text with its changes from the draft and,
 * below it, the table of dispositions. The site's header and footer and these
 * links are left off the printout by the print style sheet.
 */
export default async function OutcomePrintPage({ params }: OutcomePrintPageProps) {
  const { slug } = await params;
  const outcome = await load(slug);
  if (!outcome) notFound();
  const t = await getTranslations("outcome");
  return (
    <article className="consultation outcome outcome-print">
      <p className="no-print">
        <Link href={`/consultations/${encodeURIComponent(outcome.slug)}/outcome`}>{t("backToOutcome")}</Link>
      </p>
      <p className="eyebrow">{t("printOf")}</p>
      <h1 lang={outcome.language} dir={localeDirection(outcome.language)}>{outcome.title}</h1>
      <p>{t("intro")}</p>
      <OutcomeDates outcome={outcome} withClosing />
      <p className="meta">{t("legend")}</p>
      {outcome.introduction ? (
        <div className="introduction" lang={outcome.language} dir={localeDirection(outcome.language)}>
          <LinkedText text={outcome.introduction} />
        </div>
      ) : null}
      <DispositionSummary counts={documentCounts(outcome)} />
      <OutcomeSections sections={outcome.sections} language={outcome.language} view="print" />
      <OutcomeCorrections outcome={outcome} />
    </article>
  );
}
