import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";
import { getActor } from "@/lib/auth/session";
import { signOutAction } from "./(auth)/account/actions";
import { setLanguage } from "../../actions/set-language";
import { ClientMessages } from "@/components/i18n/client-messages";

/** Pages rendered for each request: the header shows who is signed in. */
export default async function SiteLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader actor={await getActor()} setLanguageAction={setLanguage} signOutAction={signOutAction} />
      <main id="main" tabIndex={-1}>
        {/* Client components only need the form and error strings. */}
        <ClientMessages namespaces={[]}>{children}</ClientMessages>
      </main>
    </>
  );
}
