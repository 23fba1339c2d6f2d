import { getTranslations } from "next-intl/server";

/** A plain GET form: search works without JavaScript and results have an address. */
export async function SearchForm({ slug, query = "" }: { slug: string; query?: string }) {
  const t = await getTranslations("search");
  return (
    <form role="search" action={`/consultations/${slug}/search`} method="get" className="search-form">
      <label htmlFor="search-q">{t("label")}</label>
      <div className="inline">
        <input id="search-q" name="q" type="search" defaultValue={query} maxLength={200} />
        <button type="submit">{t("submit")}</button>
      </div>
    </form>
  );
}
