"use server";

import type { FormState } from "@/lib/actions/form-state";
import { refreshAllPages } from "@/lib/actions/refresh";
import { runAction } from "@/lib/actions/run-action";
import type { Actor } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/session";
import {
  addMessage,
  deleteMessage,
  editMessageText,
  mergeSectionIntoPrevious,
  moveMessage,
  moveSection,
  splitSectionAt,
  updateSection,
} from "@/lib/consultations/edit-structure";
import {
  publishConsultation,
  scheduleConsultation,
  setModerationSettings,
  unpublishConsultation,
  updateConsultationDetails,
} from "@/lib/consultations/manage";

type Operation = (actor: Actor | null, input: unknown) => Promise<unknown>;

async function perform(operation: Operation, form: FormData, message = "admin.saved"): Promise<FormState> {
  const values = Object.fromEntries([...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  return runAction(values, async () => operation(await getActor(), values), { refresh: refreshAllPages, message });
}

export async function updateDetailsAction(_state: FormState, form: FormData) {
  return perform(updateConsultationDetails, form);
}

export async function scheduleAction(_state: FormState, form: FormData) {
  return perform(scheduleConsultation, form);
}

export async function moderationSettingsAction(_state: FormState, form: FormData) {
  return perform(setModerationSettings, form);
}

export async function publicationAction(_state: FormState, form: FormData) {
  const publish = form.get("intent") === "publish";
  return perform(publish ? publishConsultation : unpublishConsultation, form, publish ? "admin.published" : "admin.unpublished");
}

export async function updateSectionAction(_state: FormState, form: FormData) {
  return perform(updateSection, form);
}

export async function sectionStructureAction(_state: FormState, form: FormData) {
  const intent = form.get("intent");
  if (intent === "merge") return perform(mergeSectionIntoPrevious, form);
  form.set("direction", intent === "up" ? "up" : "down");
  return perform(moveSection, form);
}

export async function editMessageAction(_state: FormState, form: FormData) {
  const intent = form.get("intent");
  if (intent === "delete") return perform(deleteMessage, form, "admin.deleted");
  if (intent === "up" || intent === "down") {
    form.set("direction", intent);
    return perform(moveMessage, form);
  }
  return perform(editMessageText, form);
}

export async function splitSectionAction(_state: FormState, form: FormData) {
  return perform(splitSectionAt, form);
}

export async function addMessageAction(_state: FormState, form: FormData) {
  return perform(addMessage, form, "admin.added");
}
