import { getLocale, getTranslations } from "next-intl/server";
import { languageName } from "@/lib/i18n/language-name";
import { localeDirection } from "@/lib/i18n/locales";
import { languageQuery, type TranslationSummary } from "@/lib/translations/read-translations";

type DocumentLanguagesProps = {
  /** The page's address without a query: the original is read there, a translation at `?language=…`. */
  path: string;
  original: string;
  translations: TranslationSummary[];
  shown: TranslationSummary | null;
};

/**
 * The languages a document can be read in, each by its own name: the
 * original (authoritative) first, then its translations. Nothing when the
 * document has no translation.
 */
export async function DocumentLanguages({ path, original, translations, shown }: DocumentLanguagesProps) {
  if (translations.length === 0) return null;
  const t = await getTranslations("translations");
  const entry = (language: string, href: string, current: boolean, kind: string) => (
    <li key={language}>
      {/* A plain link: each language has its own cached document, loaded whole in one request. */}
      <a href={href} aria-current={current ? "page" : undefined}>
        <span lang={language} dir={localeDirection(language)}>{languageName(language, language)}</span>
      </a>{" "}
      <span className="meta">({kind})</span>
    </li>
  );
  return (
    <nav aria-labelledby="document-languages-heading" className="document-languages">
      <h2 id="document-languages-heading">{t("readIn")}</h2>
      <ul>
        {entry(original, path, shown === null, t("original"))}
        {translations.map((translation) =>
          entry(translation.language, `${path}${languageQuery(translation.language)}`, shown?.language === translation.language, t("translation")),
        )}
      </ul>
    </nav>
  );
}

/** Said wherever a translation is read: which it is, that the original is authoritative, and who translated it. */
export async function TranslationNotice({ translation, original }: { translation: TranslationSummary; original: string }) {
  const t = await getTranslations("translations");
  const locale = await getLocale();
  return (
    <div className="notice translation-notice" role="note">
      <p>{t("readingTranslation", { language: languageName(translation.language, locale), original: languageName(original, locale) })}</p>
      <p>
        {t("translatedBy")}{" "}
        <span lang={translation.language} dir={localeDirection(translation.language)}>{translation.translators}</span>
      </p>
    </div>
  );
}
