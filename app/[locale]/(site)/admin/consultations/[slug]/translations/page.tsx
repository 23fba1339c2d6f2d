import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { TranslationImportForm } from "@/components/admin/translation-import-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Link } from "@/components/navigation/link";
import { DOCUMENT_LANGUAGE_CODES } from "@/lib/consultations/schemas";
import { languageName } from "@/lib/i18n/language-name";
import { localeDirection } from "@/lib/i18n/locales";
import { secretariatPage } from "@/lib/http/page-access";
import { formatInstant } from "@/lib/time/format";
import { languageQuery, translationsForSecretariat } from "@/lib/translations/read-translations";

type TranslationsPageProps = { params: Promise<{ slug: string }>; searchParams: Promise<{ imported?: string | string[] }> };

export async function generateMetadata({ params }: TranslationsPageProps): Promise<Metadata> {
  return { title: `${(await getTranslations("translations"))("title")}: ${(await params).slug}` };
}

/** The secretariat's translations of a document: what there is, how current, and the import of another (or a new one of the same language). */
export default async function TranslationsPage({ params, searchParams }: TranslationsPageProps) {
  const { slug } = await params;
  const path = `/admin/consultations/${slug}/translations`;
  await secretariatPage(path);
  const found = await translationsForSecretariat(slug);
  if (!found) notFound();
  const { consultation, translations } = found;
  const [t, locale] = await Promise.all([getTranslations("translations"), getLocale()]);
  const imported = [(await searchParams).imported].flat()[0];
  const languages = DOCUMENT_LANGUAGE_CODES.filter((code) => code !== consultation.language).map((code) => ({ value: code, label: languageName(code, locale) }));
  return (
    <div>
      <p className="eyebrow">
        <Link href={`/admin/consultations/${slug}`}>
          <span lang={consultation.language} dir={localeDirection(consultation.language)}>{consultation.title}</span>
        </Link>
      </p>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro", { original: languageName(consultation.language, locale) })}</p>
      {imported ? (
        <p role="status" className="form-alert ok">
          {t("imported", { language: languageName(imported, locale) })}
        </p>
      ) : null}
      {translations.length > 0 ? (
        <div className="table-scroll" role="region" aria-labelledby="translations-table" tabIndex={0}>
          <table>
            <caption id="translations-table">{t("listCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("language")}</th>
                <th scope="col">{t("translators")}</th>
                <th scope="col">{t("coverage")}</th>
                <th scope="col">{t("outOfDateColumn")}</th>
                <th scope="col">{t("updated")}</th>
              </tr>
            </thead>
            <tbody>
              {translations.map((translation) => (
                <tr key={translation.language}>
                  <th scope="row">
                    <Link href={`/consultations/${slug}${languageQuery(translation.language)}`}>{languageName(translation.language, locale)}</Link>
                  </th>
                  <td lang={translation.language} dir={localeDirection(translation.language)}>{translation.translators}</td>
                  <td>{t("coverageValue", { translated: translation.translated, total: translation.messages })}</td>
                  <td>{translation.outOfDate}</td>
                  <td>{formatInstant(translation.updatedAt, locale, consultation.referenceTimeZone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("none")}</p>
      )}
      <h2>{t("importHeading")}</h2>
      <p>{t("importIntro")}</p>
      <ClientMessages namespaces={["import", "translations"]}>
        <TranslationImportForm uploadUrl={`${path}/upload`} savedUrl={path} languages={languages} />
      </ClientMessages>
    </div>
  );
}
