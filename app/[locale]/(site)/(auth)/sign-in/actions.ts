"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { formError, formValues, type FormState } from "@/lib/actions/form-state";
import { sessionCookie } from "@/lib/auth/session-cookie";
import { requestSignIn, signInWithCode } from "@/lib/auth/sign-in";
import { requestContext } from "@/lib/http/request-context";

export async function requestSignInAction(_state: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form, ["email", "callbackUrl"]);
  let sent: { email: string; callbackUrl: string };
  try {
    sent = await requestSignIn(values, await requestContext());
  } catch (error) {
    return formError(error, values);
  }
  redirect(`/sign-in/check-email?${new URLSearchParams(sent)}`);
}

export async function signInWithCodeAction(_state: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form, ["email", "code", "callbackUrl"]);
  let signedIn: Awaited<ReturnType<typeof signInWithCode>>;
  try {
    signedIn = await signInWithCode(values, await requestContext());
  } catch (error) {
    return formError(error, values);
  }
  const cookie = sessionCookie();
  (await cookies()).set(cookie.name, signedIn.sessionToken, { ...cookie.options, expires: signedIn.expires });
  const { callbackUrl, isNewUser } = signedIn;
  redirect(isNewUser ? `/account/profile?${new URLSearchParams({ callbackUrl })}` : callbackUrl);
}
