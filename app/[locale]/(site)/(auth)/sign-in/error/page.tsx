import type { Metadata } from "next";
import { Link } from "@/components/navigation/link";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signInError"))("title") };
}

type SignInErrorPageProps = { searchParams: Promise<{ error?: string }> };

/** next-auth sends failed link sign-ins here with ?error=Verification, AccessDenied, ... */
export default async function SignInErrorPage({ searchParams }: SignInErrorPageProps) {
  const { error } = await searchParams;
  const t = await getTranslations("signInError");
  const reason = error === "Verification" ? "linkExpired" : error === "AccessDenied" ? "accessDenied" : "other";
  return (
    <div className="narrow">
      <h1>{t("title")}</h1>
      <p role="alert">{t(reason)}</p>
      <p>
        <Link href="/sign-in">{t("tryAgain")}</Link>
      </p>
    </div>
  );
}
