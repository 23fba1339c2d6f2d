import { Link } from "@/components/navigation/link";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import type { FormAction } from "@/lib/actions/form-state";
import type { Actor } from "@/lib/auth/actor";
import { NOTIFICATION_FREQUENCIES } from "@/lib/notifications/schemas";
import { getNotificationSettings, listFollowed } from "@/lib/notifications/settings";

type NotificationSettingsProps = { actor: Actor; saveAction: FormAction; unfollowAction: FormAction };

/** The account page's e-mail choices and followed consultations. Plain forms: no JavaScript needed. */
export async function NotificationSettings({ actor, saveAction, unfollowAction }: NotificationSettingsProps) {
  const t = await getTranslations("notifications");
  const [settings, followed] = await Promise.all([getNotificationSettings(actor), listFollowed(actor)]);
  return (
    <section id="notifications" aria-labelledby="notifications-heading">
      <h2 id="notifications-heading">{t("heading")}</h2>
      <p>{t("intro")}</p>
      <ActionForm action={saveAction} label={t("heading")}>
        <fieldset>
          <legend>{t("frequency")}</legend>
          {NOTIFICATION_FREQUENCIES.map((frequency) => (
            <label key={frequency} className="choice">
              <input type="radio" name="frequency" value={frequency} defaultChecked={settings.frequency === frequency} /> {t(`frequencies.${frequency}`)}
            </label>
          ))}
        </fieldset>
        <label className="choice">
          <input type="checkbox" name="replies" defaultChecked={settings.replies} /> {t("replies")}
        </label>
        <label className="choice">
          <input type="checkbox" name="receipts" defaultChecked={settings.receipts} /> {t("receipts")}
        </label>
        <button type="submit">{t("save")}</button>
      </ActionForm>
      <h3>{t("followed")}</h3>
      {followed.length === 0 ? (
        <p>{t("followedNone")}</p>
      ) : (
        <ul className="followed">
          {followed.map(({ consultation }) => (
            <li key={consultation.id}>
              <Link href={`/consultations/${consultation.slug}`}>{consultation.title}</Link>
              <ActionForm action={unfollowAction} label={`${t("unfollow")}: ${consultation.title}`}>
                <input type="hidden" name="consultationId" value={consultation.id} />
                <input type="hidden" name="intent" value="unfollow" />
                <button type="submit" className="secondary">
                  {t("unfollow")}
                </button>
              </ActionForm>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
