import type { ReactNode } from "react";
import { setRequestLocale } from "next-intl/server";
import { tagPublicPage } from "@/lib/cache/public-pages";
import { SiteHeader } from "@/components/layout/site-header";
import { ClientMessages } from "@/components/i18n/client-messages";
import { setLanguage } from "../../actions/set-language";
import { signOutAction } from "../(site)/(auth)/account/actions";

/**
 * The cached pages, as a reader who is not signed in sees them: the edge sends
 * such readers here (lib/http/page-route.ts), and every reader gets the same
 * document from the cache.
 */
export default async function PublicLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  await tagPublicPage();
  return (
    <>
      <SiteHeader actor={null} setLanguageAction={setLanguage} signOutAction={signOutAction} />
      <main id="main" tabIndex={-1}>
        <ClientMessages namespaces={[]}>{children}</ClientMessages>
      </main>
    </>
  );
}
