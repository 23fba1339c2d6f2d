import type { Metadata } from "next";
import { Link } from "@/components/navigation/link";
import { getLocale, getTranslations } from "next-intl/server";
import { StateBadge } from "@/components/consultations/state-badge";
import { Pagination } from "@/components/navigation/pagination";
import { listConsultationsForSecretariat } from "@/lib/consultations/manage";
import { secretariatPage } from "@/lib/http/page-access";
import { pagedPath, pageParam } from "@/lib/http/pagination";
import { formatInstant } from "@/lib/time/format";
import { localeDirection } from "@/lib/i18n/locales";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("title") };
}

export default async function AdminHomePage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  const actor = await secretariatPage("/admin");
  const t = await getTranslations("admin");
  const locale = await getLocale();
  const { consultations, page, pageCount } = await listConsultationsForSecretariat(actor, pageParam((await searchParams).page));
  return (
    <div>
      <h1>{t("title")}</h1>
      <p>
        <Link href="/admin/import" className="button-link">
          {t("importLink")}
        </Link>{" "}
        <Link href="/admin/moderation" className="button-link">
          {t("moderationLink")}
        </Link>
        {actor.role === "ADMIN" ? (
          <>
            {" "}
            <Link href="/admin/audit" className="button-link">
              {t("auditLink")}
            </Link>
          </>
        ) : null}
      </p>
      <h2>{t("consultations")}</h2>
      {consultations.length === 0 ? <p>{t("noConsultations")}</p> : null}
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t("columns.title")}</th>
            <th scope="col">{t("columns.state")}</th>
            <th scope="col">{t("columns.messages")}</th>
            <th scope="col">{t("columns.deadline")}</th>
          </tr>
        </thead>
        <tbody>
          {consultations.map((consultation) => (
            <tr key={consultation.id}>
              <th scope="row" lang={consultation.language} dir={localeDirection(consultation.language)}>
                <Link href={`/admin/consultations/${consultation.slug}`}>{consultation.title}</Link>
              </th>
              <td>
                <StateBadge state={consultation.state} />
              </td>
              <td>{consultation._count.messages}</td>
              <td>{consultation.closesAt ? formatInstant(consultation.closesAt, locale, consultation.referenceTimeZone) : t("notScheduled")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination page={page} pageCount={pageCount} href={(number) => pagedPath("/admin", number)} label={t("pages")} />
    </div>
  );
}
