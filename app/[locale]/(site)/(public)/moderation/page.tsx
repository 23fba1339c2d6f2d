import type { Metadata } from "next";
import { Link } from "@/components/navigation/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { isAppError, type FieldErrors } from "@/lib/errors";
import { reportConsultations } from "@/lib/moderation/filters";
import { searchParam } from "@/lib/http/search-params";
import { moderationReport, reportQuery } from "@/lib/moderation/report";
import { localeDirection } from "@/lib/i18n/locales";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("moderation.report"))("title") };
}

type ReportPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** What was typed in a filter, to show it again ("" when nothing). */
const one = (value: string | string[] | undefined) => searchParam(value) ?? "";

/** The public moderation report: the same figures as GET /api/v1/moderation/report, for people. */
export default async function ModerationReportPage({ searchParams }: ReportPageProps) {
  const params = await searchParams;
  const typed = { from: one(params.from), to: one(params.to), consultation: one(params.consultation) };
  const t = await getTranslations("moderation.report");
  const e = await getTranslations();
  const m = await getTranslations("moderation");
  const locale = await getLocale();
  let fieldErrors: FieldErrors = {};
  let report: Awaited<ReturnType<typeof moderationReport>> | null = null;
  try {
    report = await moderationReport(reportQuery(typed));
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    if (!isAppError(error) || error.code !== "VALIDATION") throw error;
    fieldErrors = error.details.fieldErrors ?? {};
  }
  const consultations = await reportConsultations();
  const query = new URLSearchParams(Object.entries(typed).filter(([, value]) => value !== "")).toString();
  const jsonHref = `/api/v1/moderation/report${query ? `?${query}` : ""}`;
  const number = (value: number) => value.toLocaleString(locale);
  const reasonName = (reason: string | null) => (reason ? m(`reasons.${reason}`) : t("noCategory"));
  const errorOf = (field: "from" | "to") =>
    fieldErrors[field] ? (
      <p className="field-error" id={`report-${field}-error`}>
        {e(fieldErrors[field])}
      </p>
    ) : null;
  const invalid = (field: "from" | "to") => (fieldErrors[field] ? { "aria-invalid": true, "aria-describedby": `report-${field}-error` } : {});

  return (
    <article>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <form method="get" action="/moderation" className="queue-filters" aria-label={t("filters")}>
        <div className="field" data-invalid={fieldErrors.from ? "" : undefined}>
          <label htmlFor="report-from">{t("from")}</label>
          {errorOf("from")}
          <input type="date" id="report-from" name="from" defaultValue={typed.from} {...invalid("from")} />
        </div>
        <div className="field" data-invalid={fieldErrors.to ? "" : undefined}>
          <label htmlFor="report-to">{t("to")}</label>
          {errorOf("to")}
          <input type="date" id="report-to" name="to" defaultValue={typed.to} {...invalid("to")} />
        </div>
        <div className="field">
          <label htmlFor="report-consultation">{t("consultation")}</label>
          <select id="report-consultation" name="consultation" defaultValue={typed.consultation}>
            <option value="">{t("allConsultations")}</option>
            {consultations.map((consultation) => (
              <option key={consultation.slug} value={consultation.slug} lang={consultation.language} dir={localeDirection(consultation.language)}>
                {consultation.title}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="secondary">
          {t("show")}
        </button>
      </form>
      <p>
        <a href={jsonHref} type="application/json">
          {t("json")}
        </a>
      </p>

      {report ? (
        <div className="report-tables">
          <h2>{t("summary")}</h2>
          <dl className="report-summary">
            <div>
              <dt>{t("flagsReceived")}</dt>
              <dd>{number(report.flags.received)}</dd>
            </div>
            <div>
              <dt>{t("shareActedOn")}</dt>
              <dd>{report.shareOfFlagsActedOn === null ? "—" : `${Math.round(report.shareOfFlagsActedOn * 100)} %`}</dd>
            </div>
            <div>
              <dt>{t("flagOutcomes")}</dt>
              <dd>{t("flagOutcomesValue", { upheld: report.flags.upheld, dismissed: report.flags.dismissed, open: report.flags.open })}</dd>
            </div>
            <div>
              <dt>{t("medianHours")}</dt>
              <dd>{report.medianHoursFromFirstFlagToDecision === null ? "—" : t("hours", { hours: report.medianHoursFromFirstFlagToDecision.toFixed(1) })}</dd>
            </div>
            <div>
              <dt>{t("commentsDecided")}</dt>
              <dd>{number(report.commentsDecided)}</dd>
            </div>
            {report.suspensions ? (
              <div>
                <dt>{t("suspensions")}</dt>
                <dd>{t("suspensionsValue", { suspended: report.suspensions.suspended, reinstated: report.suspensions.reinstated })}</dd>
              </div>
            ) : null}
          </dl>

          <table className="data-table">
            <caption>{t("flagsByReason")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("reason")}</th>
                <th scope="col">{t("flags")}</th>
              </tr>
            </thead>
            <tbody>
              {report.flags.byReason.map((row) => (
                <tr key={row.reason}>
                  <th scope="row">{reasonName(row.reason)}</th>
                  <td>{number(row.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.flags.byReason.length === 0 ? <p>{t("none")}</p> : null}

          <table className="data-table">
            <caption>{t("actionsByKind")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("action")}</th>
                <th scope="col">{t("reason")}</th>
                <th scope="col">{t("count")}</th>
              </tr>
            </thead>
            <tbody>
              {report.actions.map((row) => (
                <tr key={`${row.action}-${row.reason}`}>
                  <th scope="row">{t(`actions.${row.action}`)}</th>
                  <td>{reasonName(row.reason)}</td>
                  <td>{number(row.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.actions.length === 0 ? <p>{t("none")}</p> : null}

          <table className="data-table">
            <caption>{t("appeals")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("outcome")}</th>
                <th scope="col">{t("count")}</th>
              </tr>
            </thead>
            <tbody>
              {report.appeals.map((row) => (
                <tr key={row.outcome}>
                  <th scope="row">{t(`appealOutcomes.${row.outcome}`)}</th>
                  <td>{number(row.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.appeals.length === 0 ? <p>{t("none")}</p> : null}

          <table className="data-table">
            <caption>{t("perConsultation")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("consultation")}</th>
                <th scope="col">{t("flags")}</th>
                <th scope="col">{t("hidden")}</th>
              </tr>
            </thead>
            <tbody>
              {report.perConsultation.map((row) => (
                <tr key={row.slug}>
                  <th scope="row">
                    <Link href={`/consultations/${row.slug}`}>{row.title}</Link>
                  </th>
                  <td>{number(row.flags)}</td>
                  <td>{number(row.hidden)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.perConsultation.length === 0 ? <p>{t("none")}</p> : null}

          <table className="data-table">
            <caption>{t("perMonth")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("month")}</th>
                <th scope="col">{t("flags")}</th>
                <th scope="col">{t("actionsTaken")}</th>
              </tr>
            </thead>
            <tbody>
              {report.perMonth.map((row) => (
                <tr key={row.month}>
                  <th scope="row">{row.month}</th>
                  <td>{number(row.flags)}</td>
                  <td>{number(row.actions)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.perMonth.length === 0 ? <p>{t("none")}</p> : null}
        </div>
      ) : null}
    </article>
  );
}
