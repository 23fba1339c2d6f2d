import type { Metadata } from "next";
import { Link } from "@/components/navigation/link";
import { getTranslations } from "next-intl/server";
import { appUrl } from "@/lib/auth/config";
import { getActor } from "@/lib/auth/session";
import { sameSitePath } from "@/lib/http/same-site-path";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signInLink"))("title"), robots: { index: false } };
}

type SignInLinkPageProps = { searchParams: Promise<{ token?: string; email?: string; callbackUrl?: string }> };

/**
 * Where the e-mailed link lands. Opening it does nothing: the button signs in.
 * Mail scanners open links but do not press buttons, so they no longer spend
 * the link (and with it the code) before the person does.
 */
export default async function SignInLinkPage({ searchParams }: SignInLinkPageProps) {
  const { token = "", email = "", callbackUrl = "/" } = await searchParams;
  const t = await getTranslations("signInLink");
  const actor = await getActor();
  const next = sameSitePath(callbackUrl, appUrl());
  if (actor && actor.email === email.toLowerCase()) {
    return (
      <div className="narrow">
        <h1>{t("alreadyTitle")}</h1>
        <p>{t("already", { email: actor.email })}</p>
        <p>
          <Link href={next}>{t("continue")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>{t("title")}</h1>
      <p>{t("explain", { email })}</p>
      <form method="get" action="/api/auth/callback/email">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="email" value={email} />
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <button type="submit">{t("button")}</button>
      </form>
      <p className="hint">{t("why")}</p>
    </div>
  );
}
