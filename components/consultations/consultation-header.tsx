import { getTranslations } from "next-intl/server";
import type { ConsultationState } from "@/lib/consultations/state";
import { labelGap } from "@/lib/time/format";
import { Deadline } from "./deadline";
import { StateBadge } from "./state-badge";
import { localeDirection } from "@/lib/i18n/locales";

type ConsultationHeaderProps = {
  consultation: {
    title: string;
    language: string;
    state: ConsultationState;
    opensAt: Date | null;
    closesAt: Date | null;
    referenceTimeZone: string;
  };
  /** The page's own heading when it is not the consultation's title (a message page, search). */
  children?: React.ReactNode;
};

export async function ConsultationHeader({ consultation, children }: ConsultationHeaderProps) {
  const t = await getTranslations("consultation");
  const { title, language, state, opensAt, closesAt, referenceTimeZone } = consultation;
  return (
    <header className="consultation-header">
      {children ? <p className="eyebrow" lang={language} dir={localeDirection(language)}>{title}</p> : <h1 lang={language} dir={localeDirection(language)}>{title}</h1>}
      {children}
      <p className="meta">
        <StateBadge state={state} />{" "}
        {state === "OPEN" && closesAt ? (
          <>
            {t("commentsUntil")}
            {labelGap(t("commentsUntil"))}
            <Deadline closesAt={closesAt} referenceTimeZone={referenceTimeZone} />
          </>
        ) : null}
        {state === "UPCOMING" && opensAt ? (
          <>
            {t("opensAt")}
            {labelGap(t("opensAt"))}
            <Deadline closesAt={opensAt} referenceTimeZone={referenceTimeZone} showTimeLeft={false} />
          </>
        ) : null}
        {(state === "CLOSED" || state === "FINAL") && closesAt ? (
          <>
            {t("closedAt")}
            {labelGap(t("closedAt"))}
            <Deadline closesAt={closesAt} referenceTimeZone={referenceTimeZone} showTimeLeft={false} />
          </>
        ) : null}
      </p>
    </header>
  );
}
