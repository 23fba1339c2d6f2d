import { Link } from "@/components/navigation/link";
import { getTranslations } from "next-intl/server";

/** Where a published consultation's open data is: its JSON, its comments (also as CSV and JSON files), its W3C annotations, and how to use them. */
export async function OpenDataLinks({ slug }: { slug: string }) {
  const t = await getTranslations("openData");
  const api = `/api/v1/consultations/${encodeURIComponent(slug)}`;
  return (
    <section aria-labelledby="open-data-heading" className="open-data">
      <h2 id="open-data-heading">{t("label")}</h2>
      <ul>
        <li>
          <a href={api} type="application/json">
            {t("consultation")}
          </a>
        </li>
        <li>
          <a href={`${api}/comments`} type="application/json">
            {t("comments")}
          </a>
        </li>
        <li>
          <a href={`${api}/comments.csv`} type="text/csv" download>
            {t("commentsCsv")}
          </a>
        </li>
        <li>
          <a href={`${api}/comments.json`} type="application/json" download>
            {t("commentsJsonFile")}
          </a>
        </li>
        <li>
          <a href={`${api}/annotations`} type="application/ld+json">
            {t("annotations")}
          </a>
        </li>
        <li>
          <Link href="/developers">{t("developers")}</Link>
        </li>
      </ul>
    </section>
  );
}
