import { getTranslations } from "next-intl/server";
import { listPublicConsultations } from "@/lib/consultations/list-public";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const t = await getTranslations("home");
  const consultations = await listPublicConsultations();
  return (
    <div>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      {consultations.length === 0 ? <p>{t("none")}</p> : null}
      <ul className="cards">
        {consultations.map((consultation) => (
          <li key={consultation.slug} lang={consultation.language}>
            <h2>{consultation.title}</h2>
          </li>
        ))}
      </ul>
    </div>
  );
}
