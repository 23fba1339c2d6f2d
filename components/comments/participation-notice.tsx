import { Link } from "@/components/navigation/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/actor";
import type { ConsultationState } from "@/lib/consultations/state";
import { formatInstant } from "@/lib/time/format";

export const LAST_HOUR_MS = 60 * 60 * 1000;

type ParticipationNoticeProps = {
  actor: Actor | null;
  consultation: { state: ConsultationState; opensAt: Date | null; closesAt: Date | null; referenceTimeZone: string };
  returnTo: string;
  now?: Date;
};

/** Why the viewer can or cannot comment here, and the deadline warning in the last hour. */
export async function ParticipationNotice({ actor, consultation, returnTo, now = new Date() }: ParticipationNoticeProps) {
  const t = await getTranslations("comments");
  const locale = await getLocale();
  const { state, opensAt, closesAt, referenceTimeZone } = consultation;
  if (state === "CLOSED" || state === "FINAL") {
    return <p className="notice">{t("closedNotice", { time: formatInstant(closesAt ?? now, locale, referenceTimeZone) })}</p>;
  }
  if (state !== "OPEN") {
    return opensAt ? <p className="notice">{t("opensNotice", { time: formatInstant(opensAt, locale, referenceTimeZone) })}</p> : null;
  }
  const minutesLeft = closesAt ? Math.ceil((closesAt.getTime() - now.getTime()) / 60_000) : null;
  const warning =
    closesAt && minutesLeft !== null && minutesLeft * 60_000 <= LAST_HOUR_MS ? (
      <p className="notice warning" role="status">
        {t("lastHour", { minutes: minutesLeft, time: formatInstant(closesAt, locale, referenceTimeZone) })}
      </p>
    ) : null;
  let who = null;
  if (!actor) {
    who = (
      <p className="notice">
        <Link href={`/sign-in?${new URLSearchParams({ callbackUrl: returnTo })}`}>{t("signInToComment")}</Link>
      </p>
    );
  } else if (actor.suspended) {
    who = <p className="notice">{t("suspendedNotice")}</p>;
  } else if (!actor.hasProfile) {
    who = (
      <p className="notice">
        <Link href={`/account/profile?${new URLSearchParams({ callbackUrl: returnTo })}`}>{t("completeProfileToComment")}</Link>
      </p>
    );
  }
  return (
    <>
      {warning}
      {who}
    </>
  );
}
