import type { Metadata } from "next";
import { Link } from "@/components/navigation/link";
import { getTranslations } from "next-intl/server";
import { SignInCodeForm } from "@/components/auth/sign-in-code-form";
import { signInWithCodeAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("checkEmail"))("title") };
}

type CheckEmailPageProps = { searchParams: Promise<{ email?: string; callbackUrl?: string }> };

export default async function CheckEmailPage({ searchParams }: CheckEmailPageProps) {
  const { email = "", callbackUrl = "/" } = await searchParams;
  const t = await getTranslations("checkEmail");
  return (
    <div className="narrow">
      <h1>{t("title")}</h1>
      <p>{email ? t("sentTo", { email }) : t("sentToYou")}</p>
      <p>{t("linkOrCode")}</p>
      <SignInCodeForm action={signInWithCodeAction} email={email} callbackUrl={callbackUrl} />
      <p>
        <Link href={`/sign-in?${new URLSearchParams({ email, callbackUrl })}`}>{t("sendAgain")}</Link>
      </p>
    </div>
  );
}
