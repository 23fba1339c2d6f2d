import { Link } from "@/components/navigation/link";
import { getLocale, getTranslations } from "next-intl/server";
import { isSecretariat } from "@/lib/auth/guards";
import type { Actor } from "@/lib/auth/actor";
import { LanguageSwitch } from "./language-switch";

/** `actor` null: the header of a cached page, the same for every reader. */
type SiteHeaderProps = { actor: Actor | null; setLanguageAction: (form: FormData) => Promise<void>; signOutAction: () => Promise<void> };

export async function SiteHeader({ actor, setLanguageAction, signOutAction }: SiteHeaderProps) {
  const t = await getTranslations("nav");
  const site = await getTranslations("site");
  const locale = await getLocale();
  return (
    <header className="site-header">
      <div className="bar">
        <Link href="/" className="brand">
          {site("name")}
        </Link>
        <nav aria-label={t("label")}>
          <ul>
            <li>
              <Link href="/consultations">{t("consultations")}</Link>
            </li>
            {isSecretariat(actor) ? (
              <li>
                <Link href="/admin">{t("admin")}</Link>
              </li>
            ) : null}
            {isSecretariat(actor) ? (
              <li>
                <Link href="/admin/moderation">{t("moderation")}</Link>
              </li>
            ) : null}
            {actor ? (
              <>
                <li>
                  <Link href="/account">{t("account")}</Link>
                </li>
                <li>
                  {/* A plain form: signing out works without JavaScript, from any page. */}
                  <form action={signOutAction} className="sign-out">
                    <button type="submit">
                      {t("signOut")}
                    </button>
                  </form>
                </li>
              </>
            ) : (
              <li>
                <Link href="/sign-in">{t("signIn")}</Link>
              </li>
            )}
          </ul>
        </nav>
        <LanguageSwitch current={locale} label={t("language")} action={setLanguageAction} />
      </div>
      {actor && !actor.hasProfile ? (
        <p className="notice">
          {t("completeProfile")} <Link href="/account/profile">{t("completeProfileLink")}</Link>
        </p>
      ) : null}
    </header>
  );
}
