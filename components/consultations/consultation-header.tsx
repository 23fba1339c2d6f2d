import { getTranslations } from "next-intl/server";
import type { ConsultationPhase } from "@/lib/consultations/phase";
import { Deadline } from "./deadline";
import { PhaseBadge } from "./phase-badge";

type ConsultationHeaderProps = {
  consultation: {
    title: string;
    language: string;
    phase: ConsultationPhase;
    opensAt: Date | null;
    closesAt: Date | null;
    referenceTimeZone: string;
  };
  /** The page's own heading when it is not the consultation's title (a message page, search). */
  children?: React.ReactNode;
};

export async function ConsultationHeader({ consultation, children }: ConsultationHeaderProps) {
  const t = await getTranslations("consultation");
  const { title, language, phase, opensAt, closesAt, referenceTimeZone } = consultation;
  return (
    <header className="consultation-header">
      {children ? <p className="eyebrow" lang={language}>{title}</p> : <h1 lang={language}>{title}</h1>}
      {children}
      <p className="meta">
        <PhaseBadge phase={phase} />{" "}
        {phase === "OPEN" && closesAt ? (
          <>
            {t("commentsUntil")} <Deadline closesAt={closesAt} referenceTimeZone={referenceTimeZone} />
          </>
        ) : null}
        {phase === "UPCOMING" && opensAt ? (
          <>
            {t("opensAt")} <Deadline closesAt={opensAt} referenceTimeZone={referenceTimeZone} showTimeLeft={false} />
          </>
        ) : null}
        {(phase === "CLOSED" || phase === "FINAL") && closesAt ? (
          <>
            {t("closedAt")} <Deadline closesAt={closesAt} referenceTimeZone={referenceTimeZone} showTimeLeft={false} />
          </>
        ) : null}
      </p>
    </header>
  );
}
