import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ProfileForm } from "@/components/auth/profile-form";
import { appUrl } from "@/lib/auth/config";
import { signedInPage } from "@/lib/http/page-access";
import { sameSitePath } from "@/lib/http/same-site-path";
import { countryOptions } from "@/lib/profiles/countries";
import { getProfile } from "@/lib/profiles/save-profile";
import { REGIONS, STAKEHOLDER_GROUPS } from "@/lib/profiles/stakeholder";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import { saveProfileAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("profile"))("title") };
}

type ProfilePageProps = { searchParams: Promise<{ callbackUrl?: string }> };

export default async function ProfilePage({ searchParams }: ProfilePageProps) {
  const actor = await signedInPage("/account/profile");
  const { callbackUrl = "/" } = await searchParams;
  const t = await getTranslations("profile");
  const labels = await getTranslations("stakeholder");
  const locale = await getLocale();
  const { name, profile } = await getProfile(actor);
  return (
    <div className="narrow">
      <h1>{profile ? t("editTitle") : t("title")}</h1>
      <p>{t("intro")}</p>
      <ProfileForm
        action={saveProfileAction}
        callbackUrl={sameSitePath(callbackUrl, appUrl())}
        firstTime={!profile}
        defaults={{
          name: name ?? "",
          stakeholderGroup: profile?.stakeholderGroup ?? "",
          region: profile?.region ?? "",
          country: profile?.country ?? "",
          organisation: profile?.organisation ?? "",
          preferredLanguage: profile?.preferredLanguage ?? locale,
          acceptCodeOfConduct: Boolean(profile),
        }}
        options={{
          groups: STAKEHOLDER_GROUPS.map((value) => ({ value, label: labels(`groups.${value}`) })),
          regions: REGIONS.map((value) => ({ value, label: labels(`regions.${value}`) })),
          countries: countryOptions(locale, profile?.country).map(({ code, name: label }) => ({ value: code, label })),
          languages: LOCALES.map((value) => ({ value, label: LOCALE_NAMES[value], lang: value })),
        }}
      />
    </div>
  );
}
