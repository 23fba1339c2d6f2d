import { getTranslations } from "next-intl/server";

type SearchFormProps = {
  slug: string;
  query?: string;
  /** Why the query was refused, as a message key. */
  error?: string;
};

/** A plain GET form: search works without JavaScript and results have an address. */
export async function SearchForm({ slug, query = "", error }: SearchFormProps) {
  const t = await getTranslations("search");
  const messages = await getTranslations();
  return (
    <form role="search" action={`/consultations/${slug}/search`} method="get" className="search-form">
      <label htmlFor="search-q">{t("label")}</label>
      {error ? (
        <p className="field-error" id="search-q-error">
          {messages(error as never)}
        </p>
      ) : null}
      <div className="inline">
        <input id="search-q" name="q" type="search" defaultValue={query} maxLength={200} aria-invalid={error ? true : undefined} aria-describedby={error ? "search-q-error" : undefined} />
        <button type="submit">{t("submit")}</button>
      </div>
    </form>
  );
}
