import { Link } from "@/components/navigation/link";
import { getTranslations } from "next-intl/server";
import { Deadline } from "@/components/consultations/deadline";
import type { ConsultationSummary } from "@/lib/consultations/list-public";
import { labelGap } from "@/lib/time/format";
import { localeDirection } from "@/lib/i18n/locales";

/** A consultation in a list: its title, size and where it stands. */
export async function ConsultationCard({ consultation, headingLevel = 3 }: { consultation: ConsultationSummary; headingLevel?: 2 | 3 }) {
  const t = await getTranslations("home");
  const { slug, title, language, state, opensAt, closesAt, finalisedAt, referenceTimeZone, messageCount } = consultation;
  const Heading = `h${headingLevel}` as const;
  return (
    <li>
      <Heading lang={language} dir={localeDirection(language)}>
        <Link href={`/consultations/${slug}`}>{title}</Link>
      </Heading>
      <p className="meta">
        {t("messageCount", { count: messageCount })}
        {state === "OPEN" && closesAt ? (
          <>
            {" · "}
            {t("commentsUntil")}
            {labelGap(t("commentsUntil"))}
            <Deadline closesAt={closesAt} referenceTimeZone={referenceTimeZone} />
          </>
        ) : null}
        {state === "UPCOMING" && opensAt ? (
          <>
            {" · "}
            {t("opens")}
            {labelGap(t("opens"))}
            <Deadline closesAt={opensAt} referenceTimeZone={referenceTimeZone} showTimeLeft={false} />
          </>
        ) : null}
        {state === "CLOSED" && closesAt ? (
          <>
            {" · "}
            {t("closed")}
            {labelGap(t("closed"))}
            <Deadline closesAt={closesAt} referenceTimeZone={referenceTimeZone} showTimeLeft={false} />
          </>
        ) : null}
        {state === "FINAL" && finalisedAt ? (
          <>
            {" · "}
            {t("outcomePublished")}
            {labelGap(t("outcomePublished"))}
            <Deadline closesAt={finalisedAt} referenceTimeZone={referenceTimeZone} showTimeLeft={false} />
            {" · "}
            <Link href={`/consultations/${slug}/outcome`}>{t("readOutcome", { title })}</Link>
          </>
        ) : null}
      </p>
    </li>
  );
}
