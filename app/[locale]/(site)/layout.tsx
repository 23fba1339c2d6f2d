import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";
import { getActor } from "@/lib/auth/session";
import { signOutAction } from "./(auth)/account/actions";
import { setLanguage } from "../../actions/set-language";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ReaderBrowserMark } from "@/components/personal/personal-part";
import { isReader } from "@/lib/auth/guards";

/** Pages rendered for each request: the header shows who is signed in. */
export default async function SiteLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  return (
    <>
      <SiteHeader actor={actor} setLanguageAction={setLanguage} signOutAction={signOutAction} />
      {/* A participant's browser that runs scripts gets the cached public pages from now on (lib/auth/reader-view.ts). */}
      <ReaderBrowserMark reader={isReader(actor)} />
      <main id="main" tabIndex={-1}>
        {/* Client components only need the form and error strings. */}
        <ClientMessages namespaces={[]}>{children}</ClientMessages>
      </main>
    </>
  );
}
