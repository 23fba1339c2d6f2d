import { getLocale, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import type { FormState } from "@/lib/actions/form-state";
import type { Actor } from "@/lib/auth/actor";
import { listOwnSessions } from "@/lib/auth/own-sessions";
import { currentSessionToken } from "@/lib/auth/session-cookie";
import { formatInstant } from "@/lib/time/format";

type OwnSessionsProps = {
  actor: Actor;
  signOutElsewhereAction: (state: FormState, form: FormData) => Promise<FormState>;
  signOutEverywhereAction: () => Promise<void>;
};

/** The account page's list of the person's sessions, with "sign out everywhere (else)". Plain forms: no JavaScript needed. */
export async function OwnSessions({ actor, signOutElsewhereAction, signOutEverywhereAction }: OwnSessionsProps) {
  const t = await getTranslations("account");
  const locale = await getLocale();
  const sessions = await listOwnSessions(actor, await currentSessionToken());
  const when = (date: Date) => formatInstant(date, locale, "UTC");
  return (
    <section aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">{t("sessionsHeading")}</h2>
      <p>{t("sessionsIntro")}</p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t("sessionColumns.which")}</th>
            <th scope="col">{t("sessionColumns.started")}</th>
            <th scope="col">{t("sessionColumns.ends")}</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => (
            <tr key={session.id}>
              <th scope="row">{session.current ? <strong>{t("thisSession")}</strong> : t("otherSession")}</th>
              <td>{when(session.createdAt)}</td>
              <td>{when(session.endsAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ActionForm action={signOutElsewhereAction} label={t("signOutElsewhere")}>
        <button type="submit" className="secondary">
          {t("signOutElsewhere")}
        </button>
      </ActionForm>
      <form action={signOutEverywhereAction} aria-label={t("signOutEverywhere")}>
        <button type="submit" className="secondary">
          {t("signOutEverywhere")}
        </button>
      </form>
    </section>
  );
}
