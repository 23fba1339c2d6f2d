"use server";

import type { FormState } from "@/lib/actions/form-state";
import { refreshAccountPage } from "@/lib/actions/refresh";
import { runAction } from "@/lib/actions/run-action";
import { getActor } from "@/lib/auth/session";
import { saveNotificationSettings, setFollow } from "@/lib/notifications/settings";

export async function saveNotificationSettingsAction(_state: FormState, form: FormData): Promise<FormState> {
  const values = { frequency: String(form.get("frequency") ?? ""), receipts: form.get("receipts") ?? undefined, replies: form.get("replies") ?? undefined };
  return runAction(values, async () => saveNotificationSettings(await getActor(), values), { refresh: refreshAccountPage, message: "notifications.saved" });
}

export async function unfollowAction(_state: FormState, form: FormData): Promise<FormState> {
  const values = { consultationId: String(form.get("consultationId") ?? ""), intent: "unfollow" };
  return runAction(values, async () => setFollow(await getActor(), values), { refresh: refreshAccountPage, message: "notifications.unfollowSaved" });
}
