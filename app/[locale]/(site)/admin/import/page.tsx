import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ImportForm } from "@/components/admin/import-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { DOCUMENT_LANGUAGE_CODES } from "@/lib/consultations/schemas";
import { languageName } from "@/lib/i18n/language-name";
import { secretariatPage } from "@/lib/http/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("import"))("title") };
}

export default async function ImportPage() {
  await secretariatPage("/admin/import");
  const t = await getTranslations("import");
  const locale = await getLocale();
  const languages = DOCUMENT_LANGUAGE_CODES.map((code) => ({ value: code, label: languageName(code, locale) }));
  return (
    <div>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <ClientMessages namespaces={["import"]}>
        <ImportForm uploadUrl="/admin/import/upload" languages={languages} />
      </ClientMessages>
    </div>
  );
}
