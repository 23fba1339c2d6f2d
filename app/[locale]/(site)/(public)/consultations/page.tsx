import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConsultationCard } from "@/components/consultations/consultation-card";
import { Pagination } from "@/components/navigation/pagination";
import { listPastConsultations } from "@/lib/consultations/list-public";
import { pagedPath, pageParam } from "@/lib/http/pagination";


export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("archive"))("title") };
}

/** Every past consultation, a page at a time (the home page shows only the latest). */
export default async function ArchivePage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  const t = await getTranslations("archive");
  const { consultations, page, pageCount } = await listPastConsultations(pageParam((await searchParams).page));
  return (
    <div>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      {consultations.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ul className="cards">
          {consultations.map((consultation) => (
            <ConsultationCard key={consultation.slug} consultation={consultation} headingLevel={2} />
          ))}
        </ul>
      )}
      <Pagination page={page} pageCount={pageCount} href={(number) => pagedPath("/consultations", number)} label={t("pages")} />
    </div>
  );
}
