import { cache } from "react";
import type { Metadata } from "next";
import { Link } from "@/components/navigation/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ConsultationHeader } from "@/components/consultations/consultation-header";
import { OpenDataLinks } from "@/components/consultations/open-data-links";
import { SearchForm } from "@/components/consultations/search-form";
import { SectionTree, TableOfContents } from "@/components/consultations/section-tree";
import { FollowConsultation } from "@/components/notifications/follow-consultation";
import { StatisticsLink } from "@/components/statistics/statistics-link";
import { LinkedText } from "@/components/text/linked-text";
import { Personal } from "@/components/personal/personal";
import { getActor } from "@/lib/auth/session";
import { personalFollow } from "@/app/actions/personal/follow";
import { getConsultation } from "@/lib/consultations/get-consultation";
import { isFollowing } from "@/lib/notifications/settings";
import { followAction } from "./actions";
import { localeDirection } from "@/lib/i18n/locales";
import { DocumentLanguages, TranslationNotice } from "@/components/consultations/document-languages";
import { chosenTranslation, documentIn, isUnknownLanguage, languageQuery, translateTree, translationsOf } from "@/lib/translations/read-translations";

/** Metadata and page share one read per request. */
const load = cache(getConsultation);
type ConsultationPageProps = { params: Promise<{ slug: string }>; searchParams: Promise<{ language?: string | string[] }> };

export async function generateMetadata({ params }: ConsultationPageProps): Promise<Metadata> {
  const consultation = await load(await getActor(), (await params).slug);
  if (!consultation) return {};
  return { title: consultation.title, alternates: { types: { "application/json": `/api/v1/consultations/${consultation.slug}` } } };
}

export default async function ConsultationPage({ params, searchParams }: ConsultationPageProps) {
  const { slug } = await params;
  const actor = await getActor();
  const consultation = await load(actor, slug);
  if (!consultation) notFound();
  const t = await getTranslations("consultation");
  const o = await getTranslations("outcome");
  const [following, translations] = await Promise.all([isFollowing(actor, consultation.id), translationsOf(consultation.id)]);
  // ?language=fr reads the document in its French translation; what it lacks stays in the original.
  const asked = (await searchParams).language;
  const chosen = chosenTranslation(asked, translations);
  if (isUnknownLanguage(asked, chosen, consultation.language)) notFound();
  const translated = chosen ? await documentIn(consultation.id, chosen.language) : null;
  const shown = translated
    ? { title: translated.translation.title, language: chosen!.language, introduction: translated.translation.introduction, sections: translateTree(consultation.sections, translated, consultation.language) }
    : consultation;
  return (
    <article className="consultation">
      <ConsultationHeader consultation={{ ...consultation, title: shown.title, language: shown.language }} />
      <DocumentLanguages path={`/consultations/${slug}`} original={consultation.language} translations={translations} shown={chosen} />
      {chosen ? <TranslationNotice translation={chosen} original={consultation.language} /> : null}
      {consultation.state === "FINAL" ? (
        <p className="notice outcome-notice">
          {o("finalNotice")} <Link href={`/consultations/${encodeURIComponent(slug)}/outcome`}>{o("readOutcome")}</Link>
        </p>
      ) : null}
      {consultation.state === "DRAFT" ? (
        <p className="notice">{t("unpublishedPreview")}</p>
      ) : (
        <Personal load={personalFollow.bind(null, consultation.id, slug)}>
          <FollowConsultation consultationId={consultation.id} slug={slug} signedIn={actor !== null} following={following} action={followAction} />
        </Personal>
      )}
      <p className="meta">
        {t("counts", { sections: consultation.counts.sections, messages: consultation.counts.messages, comments: consultation.counts.comments })}
      </p>
      <SearchForm slug={slug} />
      {shown.introduction ? (
        <div className="introduction" lang={shown.language} dir={localeDirection(shown.language)}>
          <LinkedText text={shown.introduction} />
        </div>
      ) : null}
      {consultation.state === "DRAFT" ? null : <StatisticsLink slug={consultation.slug} />}
      {consultation.state === "DRAFT" ? null : <OpenDataLinks slug={consultation.slug} />}
      <nav aria-labelledby="toc-heading" className="toc">
        <h2 id="toc-heading">{t("contents")}</h2>
        <TableOfContents sections={shown.sections} language={consultation.language} />
      </nav>
      <SectionTree slug={slug} language={consultation.language} sections={shown.sections} query={languageQuery(chosen?.language)} />
    </article>
  );
}
