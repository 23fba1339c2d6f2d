import { getLocale, getTranslations } from "next-intl/server";
import { ActionForm, TypedInput, TypedSelect, TypedTextarea } from "@/components/forms/action-form";
import type { FormAction } from "@/lib/actions/form-state";
import type { ConsultationState } from "@/lib/consultations/state";
import { DOCUMENT_LANGUAGE_CODES, INTRODUCTION_MAX, TITLE_MAX } from "@/lib/consultations/schemas";
import { languageName } from "@/lib/i18n/language-name";
import { instantToWallTime } from "@/lib/time/zoned";
import { localeDirection } from "@/lib/i18n/locales";

type ConsultationSettingsProps = {
  consultation: {
    id: string;
    title: string;
    introduction: string;
    language: string;
    opensAt: Date | null;
    closesAt: Date | null;
    referenceTimeZone: string;
    publishedAt: Date | null;
    preModeration: boolean;
  };
  state: ConsultationState;
  actions: SettingsActions;
};

/** The secretariat's actions on a consultation as a whole. */
export type SettingsActions = { updateDetails: FormAction; schedule: FormAction; publication: FormAction; moderation: FormAction };

/** UTC first (the stored default; Intl's list of zones leaves it out), then every named zone. */
const TIME_ZONES = ["UTC", ...Intl.supportedValuesOf("timeZone").filter((name) => name !== "UTC")];

/** The zones offered: the stored one always among them, so that the select shows, and saves again, what is stored. */
function zonesWith(stored: string) {
  return TIME_ZONES.includes(stored) ? TIME_ZONES : [stored, ...TIME_ZONES];
}

export async function ConsultationSettings({ consultation, state, actions }: ConsultationSettingsProps) {
  const t = await getTranslations("admin");
  const locale = await getLocale();
  const zone = consultation.referenceTimeZone;
  const languages = DOCUMENT_LANGUAGE_CODES.includes(consultation.language as never)
    ? DOCUMENT_LANGUAGE_CODES
    : [...DOCUMENT_LANGUAGE_CODES, consultation.language];
  return (
    <div className="settings-grid">
      <section aria-labelledby="schedule-heading" className="panel">
        <h2 id="schedule-heading">{t("scheduleHeading")}</h2>
        <ActionForm action={actions.schedule} label={t("scheduleHeading")}>
          <input type="hidden" name="consultationId" value={consultation.id} />
          <div className="field">
            <label htmlFor="referenceTimeZone">{t("referenceTimeZone")}</label>
            <p className="hint" id="referenceTimeZone-hint">{t("referenceTimeZoneHint")}</p>
            <TypedSelect id="referenceTimeZone" name="referenceTimeZone" defaultValue={zone} aria-describedby="referenceTimeZone-hint">
              {zonesWith(zone).map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </TypedSelect>
          </div>
          <div className="field">
            <label htmlFor="opensAt">{t("opensAt")}</label>
            <TypedInput id="opensAt" name="opensAt" type="datetime-local" defaultValue={consultation.opensAt ? instantToWallTime(consultation.opensAt, zone) : ""} />
          </div>
          <div className="field">
            <label htmlFor="closesAt">{t("closesAt")}</label>
            <TypedInput id="closesAt" name="closesAt" type="datetime-local" defaultValue={consultation.closesAt ? instantToWallTime(consultation.closesAt, zone) : ""} />
          </div>
          <button type="submit">{t("saveSchedule")}</button>
        </ActionForm>
        <ActionForm action={actions.publication} label={t("publicationHeading")}>
          <input type="hidden" name="id" value={consultation.id} />
          <p>{state === "DRAFT" ? t("notPublished") : t("isPublished")}</p>
          {consultation.publishedAt ? (
            <button type="submit" name="intent" value="unpublish" className="secondary">
              {t("unpublish")}
            </button>
          ) : (
            <button type="submit" name="intent" value="publish">
              {t("publish")}
            </button>
          )}
        </ActionForm>
      </section>
      <section aria-labelledby="details-heading" className="panel">
        <h2 id="details-heading">{t("detailsHeading")}</h2>
        <p lang={consultation.language} dir={localeDirection(consultation.language)}>{consultation.title}</p>
        <ActionForm action={actions.updateDetails} label={t("detailsHeading")} disclosure={{ summary: t("editDetails"), className: "editor-disclosure" }}>
          <input type="hidden" name="consultationId" value={consultation.id} />
          <div className="field">
            <label htmlFor="details-title">{t("titleField")}</label>
            <TypedInput id="details-title" name="title" defaultValue={consultation.title} required maxLength={TITLE_MAX} />
          </div>
          <div className="field">
            <label htmlFor="details-language">{t("language")}</label>
            <TypedSelect id="details-language" name="language" defaultValue={consultation.language}>
              {languages.map((code) => (
                <option key={code} value={code}>
                  {languageName(code, locale)}
                </option>
              ))}
            </TypedSelect>
          </div>
          <div className="field">
            <label htmlFor="details-introduction">{t("introduction")}</label>
            <TypedTextarea id="details-introduction" name="introduction" defaultValue={consultation.introduction} rows={6} maxLength={INTRODUCTION_MAX} />
          </div>
          <button type="submit">{t("saveDetails")}</button>
        </ActionForm>
        {/* Moderation: one line saying how it is set, the form behind it (the page stays short on a phone). */}
        <p>{consultation.preModeration ? t("preModerationOn") : t("preModerationOff")}</p>
        <ActionForm action={actions.moderation} label={t("moderationHeading")} disclosure={{ summary: t("changeModeration"), className: "editor-disclosure" }}>
          <input type="hidden" name="consultationId" value={consultation.id} />
          <div className="field checkbox">
            <input type="checkbox" id="preModeration" name="preModeration" defaultChecked={consultation.preModeration} aria-describedby="preModeration-hint" />
            <label htmlFor="preModeration">{t("preModeration")}</label>
            <p className="hint" id="preModeration-hint">{t("preModerationHint")}</p>
          </div>
          <button type="submit">{t("saveModeration")}</button>
        </ActionForm>
      </section>
    </div>
  );
}
