import type { Metadata } from "next";
import { Link } from "@/components/navigation/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ConsultationEditor, type EditorActions } from "@/components/admin/consultation-editor";
import { ConsultationSettings, type SettingsActions } from "@/components/admin/consultation-settings";
import { StateBadge } from "@/components/consultations/state-badge";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getConsultationForSecretariat } from "@/lib/consultations/manage";
import { secretariatPage } from "@/lib/http/page-access";
import {
  addMessageAction,
  editMessageAction,
  moderationSettingsAction,
  publicationAction,
  scheduleAction,
  sectionStructureAction,
  splitSectionAction,
  updateDetailsAction,
  updateSectionAction,
} from "./actions";
import { localeDirection } from "@/lib/i18n/locales";

const settingsActions: SettingsActions = {
  updateDetails: updateDetailsAction,
  schedule: scheduleAction,
  publication: publicationAction,
  moderation: moderationSettingsAction,
};
const editorActions: EditorActions = {
  updateSection: updateSectionAction,
  arrangeSection: sectionStructureAction,
  addMessage: addMessageAction,
  editMessage: editMessageAction,
  splitSection: splitSectionAction,
};

type Param = string | string[] | undefined;
type AdminConsultationPageProps = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ imported?: Param; edit?: Param; section?: Param; q?: Param }>;
};

const single = (value: Param) => (Array.isArray(value) ? value[0] : value) ?? "";

export async function generateMetadata({ params }: AdminConsultationPageProps): Promise<Metadata> {
  return { title: `${(await getTranslations("admin"))("manage")}: ${(await params).slug}` };
}

export default async function AdminConsultationPage({ params, searchParams }: AdminConsultationPageProps) {
  const { slug } = await params;
  const actor = await secretariatPage(`/admin/consultations/${slug}`);
  const page = await getConsultationForSecretariat(actor, slug);
  if (!page) notFound();
  const { consultation, state, sections, numbersFrozen } = page;
  const query = await searchParams;
  const imported = single(query.imported);
  const view = { editId: single(query.edit) || null, sectionId: single(query.section) || null, query: single(query.q).trim().slice(0, 200) };
  const t = await getTranslations("admin");
  const f = await getTranslations("finalise");
  return (
    <div className="admin-consultation">
      <p className="eyebrow">
        <Link href="/admin">{t("title")}</Link>
      </p>
      <h1 lang={consultation.language} dir={localeDirection(consultation.language)}>{consultation.title}</h1>
      <p className="meta">
        <StateBadge state={state} /> <Link href={`/consultations/${slug}`}>{t("viewPublic")}</Link> ·{" "}
        <Link href={`/admin/consultations/${slug}/translations`}>{t("translationsLink")}</Link>
      </p>
      {state === "CLOSED" || state === "FINAL" ? (
        <p>
          <Link href={`/admin/consultations/${slug}/finalise`}>{f("link")}</Link>
        </p>
      ) : null}
      {imported ? (
        <p role="status" className="form-alert ok">
          {t("imported")}
        </p>
      ) : null}
      <ClientMessages namespaces={["admin"]}>
        <ConsultationSettings consultation={consultation} state={state} actions={settingsActions} />
        <ConsultationEditor
          actions={editorActions}
          language={consultation.language}
          sections={sections}
          frozen={numbersFrozen}
          path={`/admin/consultations/${slug}`}
          view={view}
        />
      </ClientMessages>
    </div>
  );
}
