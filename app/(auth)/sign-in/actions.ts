"use server";

import { redirect } from "next/navigation";
import { formError, formValues, type FormState } from "@/lib/actions/form-state";
import { redeemSignInCode, requestSignIn } from "@/lib/auth/sign-in";
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

export async function redeemCodeAction(_state: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form, ["email", "code", "callbackUrl"]);
  let callback: string;
  try {
    callback = await redeemSignInCode(values);
  } catch (error) {
    return formError(error, values);
  }
  redirect(callback);
}
