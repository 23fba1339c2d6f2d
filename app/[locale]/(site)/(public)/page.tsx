import { Link } from "@/components/navigation/link";
import { getTranslations } from "next-intl/server";
import { ConsultationCard } from "@/components/consultations/consultation-card";
import { listPublicConsultations, PAST_ON_HOME } from "@/lib/consultations/list-public";


const GROUPS = ["OPEN", "UPCOMING", "CLOSED", "FINAL"] as const;

export default async function HomePage() {
  const t = await getTranslations("home");
  const { groups, pastCount } = await listPublicConsultations();
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
      {pastCount > PAST_ON_HOME ? (
        <p>
          <Link href="/consultations">{t("allPast", { count: pastCount })}</Link>
        </p>
      ) : null}
    </div>
  );
}
