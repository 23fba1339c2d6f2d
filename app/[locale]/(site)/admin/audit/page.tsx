import type { Metadata } from "next";
import { Link } from "@/components/navigation/link";
import { getTranslations } from "next-intl/server";
import { isAppError, type FieldErrors } from "@/lib/errors";
import { adminPage } from "@/lib/http/page-access";
import { searchParam } from "@/lib/http/search-params";
import { AUDIT_FIELDS, auditCursor, auditLog, auditQuery } from "@/lib/moderation/audit-log";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

type AuditPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** What was typed in a filter, to show it again ("" when nothing). */
const one = (value: string | string[] | undefined) => searchParam(value) ?? "";

/** The full audit log for administrators: filters, newest first, paged by keyset, and its export as CSV. */
export default async function AuditPage({ searchParams }: AuditPageProps) {
  const actor = await adminPage("/admin/audit");
  const params = await searchParams;
  const typed = Object.fromEntries(AUDIT_FIELDS.map((field) => [field, one(params[field])])) as Record<(typeof AUDIT_FIELDS)[number], string>;
  const t = await getTranslations("audit");
  const e = await getTranslations();
  let fieldErrors: FieldErrors = {};
  let log: Awaited<ReturnType<typeof auditLog>> | null = null;
  try {
    log = await auditLog(actor, auditQuery(typed), auditCursor(params.before));
  } catch (error) {
    if (!isAppError(error) || error.code !== "VALIDATION") throw error;
    fieldErrors = error.details.fieldErrors ?? {};
  }
  const query = new URLSearchParams(Object.entries(typed).filter(([, value]) => value !== "")).toString();
  const withQuery = (path: string, extra: Record<string, string> = {}) => {
    const all = new URLSearchParams(query);
    for (const [key, value] of Object.entries(extra)) all.set(key, value);
    return all.size > 0 ? `${path}?${all}` : path;
  };
  const fields = [
    { name: "actor", type: "text" },
    { name: "action", type: "text" },
    { name: "subjectType", type: "text" },
    { name: "subjectId", type: "text" },
    { name: "from", type: "date" },
    { name: "to", type: "date" },
  ] as const;

  return (
    <div>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <form method="get" action="/admin/audit" className="queue-filters" aria-label={t("filters")}>
        {fields.map(({ name, type }) => (
          <div className="field" key={name} data-invalid={fieldErrors[name] ? "" : undefined}>
            <label htmlFor={`audit-${name}`}>{t(`fields.${name}`)}</label>
            {fieldErrors[name] ? (
              <p className="field-error" id={`audit-${name}-error`}>
                {e(fieldErrors[name])}
              </p>
            ) : null}
            <input
              type={type}
              id={`audit-${name}`}
              name={name}
              defaultValue={typed[name]}
              {...(fieldErrors[name] ? { "aria-invalid": true, "aria-describedby": `audit-${name}-error` } : {})}
            />
          </div>
        ))}
        <button type="submit" className="secondary">
          {t("show")}
        </button>
      </form>
      <p>
        <a href={withQuery("/admin/audit/export")} download>
          {t("export")}
        </a>
      </p>
      {log ? (
        <div className="table-scroll" role="region" aria-labelledby="audit-events" tabIndex={0}>
          <table className="data-table">
            <caption id="audit-events">{t("events")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("columns.id")}</th>
                <th scope="col">{t("columns.time")}</th>
                <th scope="col">{t("columns.actor")}</th>
                <th scope="col">{t("columns.action")}</th>
                <th scope="col">{t("columns.subject")}</th>
                <th scope="col">{t("columns.data")}</th>
              </tr>
            </thead>
            <tbody>
              {log.events.map((event) => (
                <tr key={event.id.toString()}>
                  <th scope="row">{event.id.toString()}</th>
                  <td>
                    <time dateTime={event.createdAt.toISOString()}>{event.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC</time>
                  </td>
                  <td>{event.actorEmail ?? event.actorId ?? t("system")}</td>
                  <td>{event.action}</td>
                  <td>
                    {event.subjectType} {event.subjectId}
                  </td>
                  <td>
                    <code>{JSON.stringify(event.data)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {log?.events.length === 0 ? <p>{t("none")}</p> : null}
      {log?.next ? (
        <p>
          <Link href={withQuery("/admin/audit", { before: log.next })}>{t("older")}</Link>
        </p>
      ) : null}
    </div>
  );
}
