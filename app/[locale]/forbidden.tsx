import { Link } from "@/components/navigation/link";
import { getTranslations } from "next-intl/server";

export default async function Forbidden() {
  const t = await getTranslations("errorPages");
  return (
    <div className="narrow">
      <h1>{t("forbiddenTitle")}</h1>
      <p>{t("forbidden")}</p>
      <p>
        <Link href="/">{t("home")}</Link>
      </p>
    </div>
  );
}
