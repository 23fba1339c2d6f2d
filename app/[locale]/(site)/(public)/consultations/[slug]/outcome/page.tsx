import { cache } from "react";
import type { Metadata } from "next";
import { Link } from "@/components/navigation/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ConsultationHeader } from "@/components/consultations/consultation-header";
import { OutcomeDownloads } from "@/components/outcome/outcome-downloads";
import { OutcomeContents, OutcomeSections } from "@/components/outcome/outcome-sections";
import { DispositionSummary, OutcomeCorrections, OutcomeDates } from "@/components/outcome/outcome-summary";
import { LinkedText } from "@/components/text/linked-text";
import { getOutcome } from "@/lib/finalisation/outcome";
import { documentCounts } from "@/lib/finalisation/outcome-text";
import { searchParam } from "@/lib/http/search-params";
import "./outcome.css";
import { localeDirection } from "@/lib/i18n/locales";

/** Metadata and page share one read per request. */
const load = cache(getOutcome);
type OutcomePageProps = { params: Promise<{ slug: string }>; searchParams: Promise<{ view?: string | string[] }> };

export async function generateMetadata({ params }: OutcomePageProps): Promise<Metadata> {
  const outcome = await load((await params).slug);
  if (!outcome) return {};
  const t = await getTranslations("outcome");
  const api = `/api/v1/consultations/${outcome.slug}/outcome`;
  return { title: t("pageTitle", { title: outcome.title }), alternates: { types: { "application/json": api, "text/markdown": `${api}.md` } } };
}

/** The published outcome: the final messages, the changes from the draft, and how every public comment was handled. */
export default async function OutcomePage({ params, searchParams }: OutcomePageProps) {
  const { slug } = await params;
  const outcome = await load(slug);
  if (!outcome) notFound();
  const t = await getTranslations("outcome");
  const view = searchParam((await searchParams).view) === "changes" ? "changes" : "text";
  const path = `/consultations/${encodeURIComponent(outcome.slug)}/outcome`;
  return (
    <article className="consultation outcome">
      <ConsultationHeader consultation={{ ...outcome, state: "FINAL", opensAt: null }}>
        <h1>{t("heading")}</h1>
      </ConsultationHeader>
      <p>{t("intro")}</p>
      <OutcomeDates outcome={outcome} />
      {outcome.introduction ? (
        <div className="introduction" lang={outcome.language} dir={localeDirection(outcome.language)}>
          <LinkedText text={outcome.introduction} />
        </div>
      ) : null}
      <OutcomeDownloads slug={outcome.slug} />
      <DispositionSummary counts={documentCounts(outcome)} />
      <OutcomeCorrections outcome={outcome} />
      <OutcomeContents sections={outcome.sections} language={outcome.language} />
      {/* Plain links: the text is a cached page, the changes one rendered for the request (another layout tree), and a
          full load brings its title with it, where the client router leaves the document untitled for a moment. */}
      <nav aria-label={t("views")} className="outcome-views">
        <ul>
          <li>
            <a href={path} aria-current={view === "text" ? "true" : undefined}>
              {t("viewText")}
            </a>
          </li>
          <li>
            <a href={`${path}?view=changes`} aria-current={view === "changes" ? "true" : undefined}>
              {t("viewChanges")}
            </a>
          </li>
        </ul>
        {view === "changes" ? <p className="meta">{t("legend")}</p> : null}
      </nav>
      <OutcomeSections sections={outcome.sections} language={outcome.language} view={view} />
      <p>
        <Link href={`/consultations/${encodeURIComponent(outcome.slug)}`}>{t("backToConsultation")}</Link>
      </p>
    </article>
  );
}
