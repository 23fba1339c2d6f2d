import { getTranslations } from "next-intl/server";
import type { OverviewSection } from "@/lib/finalisation/overview";
import type { Progress } from "@/lib/finalisation/progress";
import { localeDirection } from "@/lib/i18n/locales";

type ProgressTableProps = { sections: OverviewSection[]; overall: Progress; language: string };

/** Answered comments per section, and overall in the footer. */
export async function ProgressTable({ sections, overall, language }: ProgressTableProps) {
  const t = await getTranslations("finalise");
  return (
    <div className="table-scroll" role="region" aria-labelledby="progress-caption" tabIndex={0}>
      <table className="data-table">
        <caption id="progress-caption">{t("progress.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("progress.section")}</th>
            <th scope="col">{t("progress.answered")}</th>
          </tr>
        </thead>
        <tbody>
          {sections.map((section) => (
            <tr key={section.id}>
              <th scope="row">
                {section.number} <span lang={language} dir={localeDirection(language)}>{section.heading}</span>
              </th>
              <td>{t("progress.value", { answered: section.progress.answered, total: section.progress.total })}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("progress.overall")}</th>
            <td>{t("progress.value", { answered: overall.answered, total: overall.total })}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
