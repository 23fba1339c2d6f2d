import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Deadline } from "@/components/consultations/deadline";
import { listPublicConsultations, type ConsultationSummary } from "@/lib/consultations/list-public";

export const dynamic = "force-dynamic";

const GROUPS = ["OPEN", "UPCOMING", "CLOSED", "FINAL"] as const;

export default async function HomePage() {
  const t = await getTranslations("home");
  const groups = await listPublicConsultations();
  const empty = GROUPS.every((group) => groups[group].length === 0);
  return (
    <div>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      {empty ? <p>{t("none")}</p> : null}
      {GROUPS.filter((group) => groups[group].length > 0).map((group) => (
        <section key={group} aria-labelledby={`group-${group}`}>
          <h2 id={`group-${group}`}>{t(`groups.${group}`)}</h2>
          <ul className="cards">
            {groups[group].map((consultation) => (
              <ConsultationCard key={consultation.slug} consultation={consultation} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

async function ConsultationCard({ consultation }: { consultation: ConsultationSummary }) {
  const t = await getTranslations("home");
  const { slug, title, language, phase, opensAt, closesAt, referenceTimeZone, messageCount } = consultation;
  return (
    <li>
      <h3 lang={language}>
        <Link href={`/consultations/${slug}`}>{title}</Link>
      </h3>
      <p className="meta">
        {t("messageCount", { count: messageCount })}
        {phase === "OPEN" && closesAt ? (
          <>
            {" · "}
            {t("commentsUntil")} <Deadline closesAt={closesAt} referenceTimeZone={referenceTimeZone} />
          </>
        ) : null}
        {phase === "UPCOMING" && opensAt ? (
          <>
            {" · "}
            {t("opens")} <Deadline closesAt={opensAt} referenceTimeZone={referenceTimeZone} showTimeLeft={false} />
          </>
        ) : null}
        {phase === "CLOSED" && closesAt ? (
          <>
            {" · "}
            {t("closed")} <Deadline closesAt={closesAt} referenceTimeZone={referenceTimeZone} showTimeLeft={false} />
          </>
        ) : null}
      </p>
    </li>
  );
}
