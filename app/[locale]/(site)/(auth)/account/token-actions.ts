"use server";

import { formError, type FormState } from "@/lib/actions/form-state";
import { refreshAccountPage } from "@/lib/actions/refresh";
import { runAction } from "@/lib/actions/run-action";
import { createAccessToken, revokeAccessToken } from "@/lib/auth/access-tokens";
import { TOKEN_LIFETIME_DEFAULT_DAYS } from "@/lib/auth/schemas";
import { getActor } from "@/lib/auth/session";
import type { TokenFormState } from "@/lib/auth/token-form-state";

export async function createTokenAction(_state: TokenFormState, form: FormData): Promise<TokenFormState> {
  const values = { name: String(form.get("name") ?? ""), expiresInDays: String(form.get("expiresInDays") ?? TOKEN_LIFETIME_DEFAULT_DAYS) };
  try {
    const { token, record } = await createAccessToken(await getActor(), values);
    refreshAccountPage();
    return { status: "created", token, name: record.name };
  } catch (error) {
    return formError(error, values);
  }
}

export async function revokeTokenAction(_state: FormState, form: FormData): Promise<FormState> {
  const values = { id: String(form.get("id") ?? "") };
  return runAction(values, async () => revokeAccessToken(await getActor(), values), { refresh: refreshAccountPage, message: "account.tokenRevoked" });
}
