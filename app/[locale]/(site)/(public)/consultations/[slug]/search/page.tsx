import type { Metadata } from "next";
import { Link } from "@/components/navigation/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { SearchForm } from "@/components/consultations/search-form";
import { getActor } from "@/lib/auth/session";
import { markTerms, searchConsultation } from "@/lib/consultations/search";
import { languageName } from "@/lib/i18n/language-name";
import { writtenInOtherScript } from "@/lib/text/script";
import { localeDirection } from "@/lib/i18n/locales";

type SearchPageProps = { params: Promise<{ slug: string }>; searchParams: Promise<{ q?: string }> };

export async function generateMetadata({ searchParams }: SearchPageProps): Promise<Metadata> {
  const t = await getTranslations("search");
  return { title: t("title", { query: (await searchParams).q ?? "" }), robots: { index: false } };
}

export default async function SearchPage({ params, searchParams }: SearchPageProps) {
  const { slug } = await params;
  const query = typeof (await searchParams).q === "string" ? (await searchParams).q! : "";
  const result = await searchConsultation(await getActor(), slug, query);
  if (!result) notFound();
  const { consultation } = result;
  const t = await getTranslations("search");
  const locale = await getLocale();
  const otherScript = result.terms.length > 0 && writtenInOtherScript(result.terms.join(" "), consultation.language);
  return (
    <div>
      <p className="eyebrow">
        <Link href={`/consultations/${slug}`} lang={consultation.language} dir={localeDirection(consultation.language)}>
          {consultation.title}
        </Link>
      </p>
      <h1>{t("title", { query })}</h1>
      <SearchForm slug={slug} query={query} error={result.refused ?? undefined} />
      {result.refused ? null : <p role="status">{result.terms.length === 0 ? t("empty") : t("resultCount", { count: result.hits.length })}</p>}
      {otherScript ? <p className="notice">{t("otherLanguage", { language: languageName(consultation.language, locale) })}</p> : null}
      <ol className="search-results">
        {result.hits.map((hit) => (
          <li key={`${hit.kind}-${hit.number}`}>
            <p className="message-number">
              <Link
                href={
                  hit.kind === "message"
                    ? `/consultations/${slug}/messages/${hit.number}`
                    : `/consultations/${slug}#section-${hit.number}`
                }
              >
                {hit.kind === "message" ? t("message", { number: hit.number }) : t("section", { number: hit.number })}
              </Link>{" "}
              <span lang={consultation.language} dir={localeDirection(consultation.language)}>{hit.heading}</span>
            </p>
            {hit.text ? (
              <p className="message-text" lang={consultation.language} dir={localeDirection(consultation.language)}>
                {markTerms(hit.text, result.terms).map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : part.text))}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
