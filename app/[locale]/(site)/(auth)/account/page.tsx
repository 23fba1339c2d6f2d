import type { Metadata } from "next";
import { Link } from "@/components/navigation/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AccessTokens } from "@/components/auth/access-tokens";
import { OwnSessions } from "@/components/auth/own-sessions";
import { ClientMessages } from "@/components/i18n/client-messages";
import { OwnComments } from "@/components/comments/own-comments";
import { OwnModeratedComments } from "@/components/moderation/own-moderated-comments";
import { NotificationSettings } from "@/components/notifications/notification-settings";
import { signedInPage } from "@/lib/http/page-access";
import { pageParam } from "@/lib/http/pagination";
import { countryName } from "@/lib/profiles/countries";
import { getProfile } from "@/lib/profiles/save-profile";
import { LOCALE_NAMES, isLocale, localeDirection } from "@/lib/i18n/locales";
import { appealAction } from "./moderation-actions";
import { saveNotificationSettingsAction, unfollowAction } from "./notification-actions";
import { signOutElsewhereAction, signOutEverywhereAction } from "./session-actions";
import { createTokenAction, revokeTokenAction } from "./token-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

type AccountPageProps = { searchParams: Promise<{ saved?: string; page?: string | string[] }> };

export default async function AccountPage({ searchParams }: AccountPageProps) {
  const actor = await signedInPage("/account");
  const { saved, page } = await searchParams;
  const t = await getTranslations("account");
  const labels = await getTranslations("stakeholder");
  const locale = await getLocale();
  const { email, name, role, profile } = await getProfile(actor);
  return (
    <div className="narrow">
      <h1>{t("title")}</h1>
      {saved ? (
        <p role="status" className="form-alert ok">
          {t("saved")}
        </p>
      ) : null}
      <dl className="facts">
        <dt>{t("email")}</dt>
        <dd>{email}</dd>
        <dt>{t("role")}</dt>
        <dd>{t(`roles.${role}`)}</dd>
        {profile ? (
          <>
            <dt>{t("name")}</dt>
            <dd>
              <bdi>{name}</bdi>
            </dd>
            <dt>{t("group")}</dt>
            <dd>{labels(`groups.${profile.stakeholderGroup}`)}</dd>
            <dt>{t("region")}</dt>
            <dd>{labels(`regions.${profile.region}`)}</dd>
            <dt>{t("country")}</dt>
            <dd>{countryName(profile.country, locale)}</dd>
            <dt>{t("organisation")}</dt>
            <dd>{profile.organisation ? <bdi>{profile.organisation}</bdi> : t("none")}</dd>
            <dt>{t("language")}</dt>
            <dd lang={profile.preferredLanguage} dir={localeDirection(profile.preferredLanguage)}>{isLocale(profile.preferredLanguage) ? LOCALE_NAMES[profile.preferredLanguage] : profile.preferredLanguage}</dd>
          </>
        ) : null}
      </dl>
      <p>
        <Link href="/account/profile">{profile ? t("editProfile") : t("completeProfile")}</Link>
      </p>
      {profile ? (
        <ClientMessages namespaces={["account"]}>
          <AccessTokens actor={actor} createAction={createTokenAction} revokeAction={revokeTokenAction} />
        </ClientMessages>
      ) : null}
      <ClientMessages namespaces={["moderationNotices"]}>
        <OwnModeratedComments actor={actor} appealAction={appealAction} />
      </ClientMessages>
      <OwnComments actor={actor} page={pageParam(page)} pageHref={(number) => `/account${number > 1 ? `?page=${number}` : ""}#your-comments`} />
      <ClientMessages namespaces={["notifications"]}>
        <NotificationSettings actor={actor} saveAction={saveNotificationSettingsAction} unfollowAction={unfollowAction} />
      </ClientMessages>
      <ClientMessages namespaces={["account"]}>
        <OwnSessions actor={actor} signOutElsewhereAction={signOutElsewhereAction} signOutEverywhereAction={signOutEverywhereAction} />
      </ClientMessages>
    </div>
  );
}
