import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { signOutAction } from "./(auth)/account/actions";
import { setLanguage } from "./actions/set-language";
import { localeDirection } from "@/lib/i18n/locales";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("site");
  return { title: { default: t("name"), template: `%s · ${t("name")}` }, description: t("tagline") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("site");
  return (
    <html lang={locale} dir={localeDirection(locale)}>
      <body>
        <a className="skip-link" href="#main">
          {t("skipToContent")}
        </a>
        <SiteHeader setLanguageAction={setLanguage} signOutAction={signOutAction} />
        <main id="main" tabIndex={-1}>
          {/* Client components only need the form and error strings. */}
          <ClientMessages namespaces={[]}>{children}</ClientMessages>
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
