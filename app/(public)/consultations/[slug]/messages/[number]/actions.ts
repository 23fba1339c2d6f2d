"use server";

import { revalidatePath } from "next/cache";
import { formError, type FormState } from "@/lib/actions/form-state";
import { runAction } from "@/lib/actions/run-action";
import { getActor } from "@/lib/auth/session";
import { setAgreement } from "@/lib/comments/agree";
import { editComment, withdrawComment } from "@/lib/comments/change-comment";
import { createComment } from "@/lib/comments/create-comment";

function fields(form: FormData) {
  return Object.fromEntries([...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

/** The message page's own path, sent by the form, to refresh it after a change. */
const pagePath = (values: Record<string, string>) => (values.path?.startsWith("/consultations/") ? values.path : "/");

export async function createCommentAction(_state: FormState, form: FormData): Promise<FormState> {
  const values = fields(form);
  try {
    const { created } = await createComment(await getActor(), values);
    revalidatePath(pagePath(values));
    return { status: "ok", message: created ? "comments.posted" : "comments.alreadyPosted" };
  } catch (error) {
    return formError(error, values);
  }
}

export async function editCommentAction(_state: FormState, form: FormData): Promise<FormState> {
  const values = fields(form);
  return runAction(values, async () => editComment(await getActor(), values), { revalidate: [pagePath(values)], message: "comments.editSaved" });
}

export async function withdrawCommentAction(_state: FormState, form: FormData): Promise<FormState> {
  const values = fields(form);
  return runAction(values, async () => withdrawComment(await getActor(), values), { revalidate: [pagePath(values)], message: "comments.withdrawn" });
}

export async function agreementAction(_state: FormState, form: FormData): Promise<FormState> {
  const values = fields(form);
  return runAction(values, async () => setAgreement(await getActor(), values, values.intent !== "undo"), { revalidate: [pagePath(values)] });
}
