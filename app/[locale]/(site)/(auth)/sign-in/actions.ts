"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { formError, formValues, type FormState } from "@/lib/actions/form-state";
import { READER_VIEW_COOKIE } from "@/lib/auth/reader-view";
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
  const jar = await cookies();
  jar.set(cookie.name, signedIn.sessionToken, { ...cookie.options, expires: signedIn.expires });
  // Pages are rendered for the new session until this browser's scripts say it can fill in cached ones (lib/auth/reader-view.ts).
  jar.delete(READER_VIEW_COOKIE);
  const { callbackUrl, isNewUser } = signedIn;
  redirect(isNewUser ? `/account/profile?${new URLSearchParams({ callbackUrl })}` : callbackUrl);
}
