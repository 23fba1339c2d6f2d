import type { ReactNode } from "react";
import { setRequestLocale } from "next-intl/server";
import { tagPublicPage } from "@/lib/cache/public-pages";
import { SiteHeader } from "@/components/layout/site-header";
import { ClientMessages } from "@/components/i18n/client-messages";
import { PersonalPart } from "@/components/personal/personal-part";
import { personalHeader } from "../../actions/personal/header";
import { setLanguage } from "../../actions/set-language";
import { signOutAction } from "../(site)/(auth)/account/actions";

/**
 * The cached pages, as a reader who is not signed in sees them: the edge sends
 * such readers here (lib/http/page-route.ts), and every reader gets the same
 * document from the cache. A signed-in reader is sent here too, and their
 * browser has the personal parts rendered for them (the header's here).
 */
export default async function PublicLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  await tagPublicPage();
  return (
    <>
      <PersonalPart load={personalHeader}>
        <SiteHeader actor={null} setLanguageAction={setLanguage} signOutAction={signOutAction} />
      </PersonalPart>
      <main id="main" tabIndex={-1}>
        <ClientMessages namespaces={[]}>{children}</ClientMessages>
      </main>
    </>
  );
}
