"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { FormState } from "@/lib/actions/form-state";
import { refreshAccountPage } from "@/lib/actions/refresh";
import { runAction } from "@/lib/actions/run-action";
import { signOutEverywhere, signOutEverywhereElse } from "@/lib/auth/own-sessions";
import { currentSessionToken, SESSION_COOKIES } from "@/lib/auth/session-cookie";
import { getActor } from "@/lib/auth/session";

export async function signOutElsewhereAction(_state: FormState, _form: FormData): Promise<FormState> {
  return runAction({}, async () => signOutEverywhereElse(await getActor(), await currentSessionToken()), {
    refresh: refreshAccountPage,
    message: "account.signedOutElsewhere",
  });
}

export async function signOutEverywhereAction() {
  const actor = await getActor();
  // Without a session there is nothing left to end here.
  if (actor) await signOutEverywhere(actor);
  const jar = await cookies();
  for (const name of SESSION_COOKIES) jar.delete(name);
  redirect("/");
}
