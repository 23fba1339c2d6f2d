"use server";

import type { FormState } from "@/lib/actions/form-state";
import { refreshAccountPage } from "@/lib/actions/refresh";
import { runAction } from "@/lib/actions/run-action";
import { getActor } from "@/lib/auth/session";
import { appealHiding } from "@/lib/moderation/appeals";

export async function appealAction(_state: FormState, form: FormData): Promise<FormState> {
  const values = { commentId: String(form.get("commentId") ?? ""), text: String(form.get("text") ?? "") };
  return runAction(values, async () => appealHiding(await getActor(), values), { refresh: refreshAccountPage, message: "moderationNotices.account.appealSent" });
}
