import { Link } from "@/components/navigation/link";
import { getTranslations } from "next-intl/server";

/** Where the outcome is for printing and taking away: the print page, Markdown, Word with tracked changes, JSON, and the comments as CSV. */
export async function OutcomeDownloads({ slug }: { slug: string }) {
  const t = await getTranslations("outcome");
  const data = await getTranslations("openData");
  const page = `/consultations/${encodeURIComponent(slug)}/outcome`;
  const api = `/api/v1/consultations/${encodeURIComponent(slug)}/outcome`;
  return (
    <section aria-labelledby="outcome-downloads-heading" className="open-data outcome-downloads">
      <h2 id="outcome-downloads-heading">{t("downloads")}</h2>
      <ul>
        <li>
          <Link href={`${page}/print`}>{t("print")}</Link>
        </li>
        <li>
          <a href={`${api}.docx`} type="application/vnd.openxmlformats-officedocument.wordprocessingml.document" download>
            {t("word")}
          </a>
        </li>
        <li>
          <a href={`${api}.md`} type="text/markdown" download>
            {t("markdown")}
          </a>
        </li>
        <li>
          <a href={api} type="application/json">
            {t("json")}
          </a>
        </li>
        <li>
          <a href={`/api/v1/consultations/${encodeURIComponent(slug)}/comments.csv`} type="text/csv" download>
            {data("commentsCsv")}
          </a>
        </li>
      </ul>
    </section>
  );
}
