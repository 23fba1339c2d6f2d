"use server";

import type { FormState } from "@/lib/actions/form-state";
import { refreshAllPages } from "@/lib/actions/refresh";
import { runAction } from "@/lib/actions/run-action";
import type { Actor } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/session";
import { decideAppeal } from "@/lib/moderation/appeals";
import { approveComment, decideMany, hideComment, restoreComment } from "@/lib/moderation/decisions";
import { reinstateUser, suspendUser } from "@/lib/moderation/suspension";

type Decision = (actor: Actor | null, input: unknown) => Promise<unknown>;

function fields(form: FormData) {
  return Object.fromEntries([...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

/** A decision changes the queue, the thread it is in, and the public report: every page is refreshed. */
async function perform(decision: Decision, form: FormData, message: string): Promise<FormState> {
  const values = fields(form);
  return runAction(values, async () => decision(await getActor(), values), { refresh: refreshAllPages, message });
}

export async function approveAction(_state: FormState, form: FormData) {
  return perform(approveComment, form, "moderation.queue.approved");
}

export async function hideAction(_state: FormState, form: FormData) {
  return perform(hideComment, form, "moderation.queue.hidden");
}

export async function restoreAction(_state: FormState, form: FormData) {
  return perform(restoreComment, form, "moderation.queue.restored");
}

export async function suspensionAction(_state: FormState, form: FormData) {
  return perform(form.get("intent") === "reinstate" ? reinstateUser : suspendUser, form, form.get("intent") === "reinstate" ? "moderation.queue.reinstated" : "moderation.queue.suspended");
}

export async function appealDecisionAction(_state: FormState, form: FormData) {
  return perform(decideAppeal, form, "moderation.queue.appealDecided");
}

export async function bulkAction(_state: FormState, form: FormData): Promise<FormState> {
  const values = { ...fields(form), commentIds: form.getAll("commentIds").filter((id): id is string => typeof id === "string") };
  return runAction(values, async () => decideMany(await getActor(), values), {
    refresh: refreshAllPages,
    message: ({ decided, refused }) => ({ key: "moderation.queue.bulkDone", values: { decided: String(decided), refused: String(refused.length) } }),
  });
}
