import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { secretariatPage } from "@/lib/http/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("title") };
}

export default async function AdminHomePage() {
  await secretariatPage("/admin");
  const t = await getTranslations("admin");
  return (
    <div>
      <h1>{t("title")}</h1>
    </div>
  );
}
