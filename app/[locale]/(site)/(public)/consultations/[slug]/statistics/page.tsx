import { cache } from "react";
import type { Metadata } from "next";
import { Link } from "@/components/navigation/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ConsultationHeader } from "@/components/consultations/consultation-header";
import { BarChart } from "@/components/statistics/bar-chart";
import { CrossTable } from "@/components/statistics/cross-table";
import { figureFormat } from "@/components/statistics/figure-format";
import { countryName } from "@/lib/profiles/countries";
import { statisticsPage } from "@/lib/stats/participation";
import { formatInstant } from "@/lib/time/format";
import { localeDirection } from "@/lib/i18n/locales";

/** Metadata and page share one read per request. */
const load = cache((slug: string) => statisticsPage(slug));
type StatisticsPageProps = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: StatisticsPageProps): Promise<Metadata> {
  const { slug } = await params;
  const page = await load(slug);
  if (!page) return {};
  const t = await getTranslations("statistics");
  return { title: t("metaTitle", { title: page.consultation.title }), alternates: { types: { "application/json": `/api/v1/consultations/${slug}/stats` } } };
}

/** A consultation's participation statistics: the same figures as GET /api/v1/consultations/{slug}/stats, for people. */
export default async function StatisticsPage({ params }: StatisticsPageProps) {
  const { slug } = await params;
  const page = await load(slug);
  if (!page) notFound();
  const { consultation, statistics } = page;
  const t = await getTranslations("statistics");
  const s = await getTranslations("stakeholder");
  const locale = await getLocale();
  const format = figureFormat(locale, { fewerThan: t("fewerThan", { minimum: statistics.minimumCount }), withheld: t("withheld") });
  const groupName = (group: string) => s(`groups.${group}` as never);
  const regionName = (region: string) => s(`regions.${region}` as never);
  const tableLabels = { group: t("group"), total: t("total"), groupName, regionName };
  const base = `/consultations/${encodeURIComponent(slug)}`;
  const growing = consultation.state === "OPEN" || consultation.state === "UPCOMING";
  const collator = new Intl.Collator(locale);
  const { participants, comments, countries, sections, dispositions } = statistics;

  return (
    <article className="statistics">
      <ConsultationHeader consultation={consultation}>
        <h1>{t("title")}</h1>
      </ConsultationHeader>
      <p>
        <Link href={base}>{t("back")}</Link>
      </p>
      <p className="lead">
        {participants.total === 0
          ? t("noComments")
          : t("summary", { participants: participants.total, comments: comments.total, topLevel: comments.topLevel, replies: comments.replies })}
      </p>
      {growing ? (
        <p className="meta">
          {t("asOf", { time: formatInstant(new Date(statistics.generatedAt), locale, consultation.referenceTimeZone) })}
        </p>
      ) : null}
      <p className="meta">{t("countedHow")}</p>
      <p className="meta">{t("protection", { minimum: statistics.minimumCount })}</p>
      <p>
        <a href={`/api/v1${base}/stats`} type="application/json">
          {t("json")}
        </a>
      </p>

      <section aria-labelledby="participants-heading">
        <h2 id="participants-heading">{t("participantsHeading")}</h2>
        <CrossTable id="participants-table" caption={t("participantsCaption")} table={participants} format={format} labels={tableLabels} />
        <div className="stats-charts">
          <BarChart
            id="chart-groups"
            title={t("byGroupChart")}
            format={format}
            bars={participants.rows.map((row) => ({ key: row.group, label: groupName(row.group), figure: row.total }))}
          />
          <BarChart
            id="chart-regions"
            title={t("byRegionChart")}
            format={format}
            bars={participants.columnTotals.map((column) => ({ key: column.region, label: regionName(column.region), figure: column }))}
          />
        </div>
      </section>

      <section aria-labelledby="comments-heading">
        <h2 id="comments-heading">{t("commentsHeading")}</h2>
        <CrossTable id="comments-table" caption={t("commentsCaption")} table={comments} format={format} labels={tableLabels} />
      </section>

      <section aria-labelledby="countries-heading">
        <h2 id="countries-heading">{t("countriesHeading")}</h2>
        <p>{t("countriesSummary", { count: countries.represented })}</p>
        {countries.represented > 0 ? (
          <div className="table-scroll" role="region" aria-labelledby="countries-caption" tabIndex={0}>
            <table className="data-table stats-table">
              <caption id="countries-caption">
                <span>{t("countriesCaption")}</span>
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("country")}</th>
                  <th scope="col">{t("participants")}</th>
                  <th scope="col">{t("share")}</th>
                </tr>
              </thead>
              <tbody>
                {countries.list
                  .map((row) => ({ ...row, name: countryName(row.country, locale) }))
                  // Shown counts keep their order (most first); hidden ones follow by name in the reader's language.
                  .sort((a, b) => Number(a.suppressed !== null) - Number(b.suppressed !== null) || (a.suppressed ? collator.compare(a.name, b.name) : 0))
                  .map((row) => (
                    <tr key={row.country}>
                      <th scope="row">{row.name}</th>
                      <td>{format.figureCount(row)}</td>
                      <td>{format.figurePercent(row)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="sections-heading">
        <h2 id="sections-heading">{t("sectionsHeading")}</h2>
        <div className="table-scroll" role="region" aria-labelledby="sections-caption" tabIndex={0}>
          <table className="data-table stats-table">
            <caption id="sections-caption">
              <span>{t("sectionsCaption")}</span>
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("section")}</th>
                <th scope="col">{t("withReplies")}</th>
                <th scope="col">{t("withoutReplies")}</th>
                <th scope="col">{t("share")}</th>
              </tr>
            </thead>
            <tbody>
              {sections.map((section) => (
                <tr key={section.number}>
                  <th scope="row">
                    <Link href={`${base}#section-${section.number}`}>
                      <span className="number">{section.number}</span> <span lang={consultation.language} dir={localeDirection(consultation.language)}>{section.heading}</span>
                    </Link>
                  </th>
                  <td>{format.count(section.comments)}</td>
                  <td>{format.count(section.topLevelComments)}</td>
                  <td>{format.percent(section.percent)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="dispositions-heading">
        <h2 id="dispositions-heading">{t("dispositionsHeading")}</h2>
        {dispositions ? (
          <>
            <div className="table-scroll" role="region" aria-labelledby="dispositions-caption" tabIndex={0}>
              <table className="data-table stats-table">
                <caption id="dispositions-caption">
                  <span>{t("dispositionsCaption")}</span>
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t("outcome")}</th>
                    <th scope="col">{t("comments")}</th>
                    <th scope="col">{t("share")}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...dispositions.byOutcome, { outcome: "NONE", ...dispositions.withoutDisposition }].map((row) => (
                    <tr key={row.outcome}>
                      <th scope="row">{t(`outcomes.${row.outcome}` as never)}</th>
                      <td>{format.count(row.count)}</td>
                      <td>{format.percent(row.percent)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t("total")}</th>
                    <td>{format.count(dispositions.topLevelComments)}</td>
                    <td>{dispositions.topLevelComments > 0 ? format.percent(100) : ""}</td>
                  </tr>
                </tfoot>
              </table>
            </div>
            <BarChart
              id="chart-dispositions"
              title={t("dispositionsChart")}
              format={format}
              bars={dispositions.byOutcome.map((row) => ({
                key: row.outcome,
                label: t(`outcomes.${row.outcome}` as never),
                figure: { count: row.count, percent: row.percent, suppressed: null },
              }))}
            />
          </>
        ) : (
          <p>{t("dispositionsLater")}</p>
        )}
      </section>
    </article>
  );
}
