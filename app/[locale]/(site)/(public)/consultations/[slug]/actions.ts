"use server";

import type { FormState } from "@/lib/actions/form-state";
import { refreshConsultationPages } from "@/lib/actions/refresh";
import { runAction } from "@/lib/actions/run-action";
import { getActor } from "@/lib/auth/session";
import { setFollow } from "@/lib/notifications/settings";

export async function followAction(_state: FormState, form: FormData): Promise<FormState> {
  const values = { consultationId: String(form.get("consultationId") ?? ""), intent: String(form.get("intent") ?? "") };
  return runAction(values, async () => setFollow(await getActor(), values), {
    refresh: refreshConsultationPages,
    message: ({ following }) => (following ? "notifications.followSaved" : "notifications.unfollowSaved"),
  });
}
