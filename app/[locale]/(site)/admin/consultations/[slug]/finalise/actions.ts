"use server";

import type { FormState } from "@/lib/actions/form-state";
import { refreshAllPages } from "@/lib/actions/refresh";
import { runAction } from "@/lib/actions/run-action";
import type { Actor } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/session";
import { disposeComments } from "@/lib/finalisation/dispositions";
import { setMessageFate } from "@/lib/finalisation/fate";
import { saveFinalText } from "@/lib/finalisation/final-text";
import { publishOutcome } from "@/lib/finalisation/publish";

type Step = (actor: Actor | null, input: unknown) => Promise<unknown>;

function fields(form: FormData) {
  return Object.fromEntries([...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

/** A finalisation step changes the outcome and, once published, its public pages: every page is refreshed. */
async function perform(step: Step, values: Record<string, unknown>, message: string): Promise<FormState> {
  return runAction(values, async () => step(await getActor(), values), { refresh: refreshAllPages, message });
}

export async function finalTextAction(_state: FormState, form: FormData) {
  return perform(saveFinalText, fields(form), "finalise.saved.finalText");
}

export async function fateAction(_state: FormState, form: FormData) {
  return perform(setMessageFate, fields(form), "finalise.saved.fate");
}

/** One comment's form or the bulk form: the same step, the comments ticked (or the one named). */
export async function dispositionAction(_state: FormState, form: FormData) {
  const values = { ...fields(form), commentIds: form.getAll("commentIds").filter((id): id is string => typeof id === "string") };
  return runAction(values, async () => disposeComments(await getActor(), values), {
    refresh: refreshAllPages,
    message: ({ disposed }) => ({ key: "finalise.saved.dispositions", values: { count: String(disposed) } }),
  });
}

export async function publishAction(_state: FormState, form: FormData) {
  return perform(publishOutcome, fields(form), "finalise.saved.published");
}
