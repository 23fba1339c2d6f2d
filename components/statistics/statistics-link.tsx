import { Link } from "@/components/navigation/link";
import { getTranslations } from "next-intl/server";

/** From a published consultation to its participation statistics. */
export async function StatisticsLink({ slug }: { slug: string }) {
  const t = await getTranslations("statistics");
  return (
    <p className="statistics-link">
      <Link href={`/consultations/${encodeURIComponent(slug)}/statistics`}>{t("link")}</Link>
    </p>
  );
}
