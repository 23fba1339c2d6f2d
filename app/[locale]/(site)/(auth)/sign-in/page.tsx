import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { requestSignInAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("title") };
}

type SignInPageProps = { searchParams: Promise<{ callbackUrl?: string; email?: string }> };

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const { callbackUrl, email } = await searchParams;
  const t = await getTranslations("signIn");
  return (
    <div className="narrow">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <SignInForm action={requestSignInAction} email={email ?? ""} callbackUrl={callbackUrl ?? "/"} />
    </div>
  );
}
