import { Link } from "@/components/navigation/link";
import { getTranslations } from "next-intl/server";

export async function SiteFooter() {
  const t = await getTranslations("footer");
  return (
    <footer className="site-footer">
      <ul>
        <li>
          <Link href="/code-of-participation">{t("codeOfParticipation")}</Link>
        </li>
        <li>
          <Link href="/moderation">{t("moderationReport")}</Link>
        </li>
        <li>
          <Link href="/developers">{t("developers")}</Link>
        </li>
      </ul>
    </footer>
  );
}
