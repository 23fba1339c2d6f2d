"use server";

import type { FormState } from "@/lib/actions/form-state";
import { refreshConsultationPages } from "@/lib/actions/refresh";
import { runAction } from "@/lib/actions/run-action";
import { getActor, getCredential } from "@/lib/auth/session";
import { setAgreement } from "@/lib/comments/agree";
import { editComment, withdrawComment } from "@/lib/comments/change-comment";
import { createComment } from "@/lib/comments/create-comment";
import { requestContext } from "@/lib/http/request-context";
import { flagComment } from "@/lib/moderation/flag";
import { throughWriteGate } from "@/lib/http/write-gate";

function fields(form: FormData) {
  return Object.fromEntries([...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

export async function createCommentAction(_state: FormState, form: FormData): Promise<FormState> {
  const values = fields(form);
  return runAction(values, () => throughWriteGate(async () => createComment(await getCredential(), values)), {
    refresh: refreshConsultationPages,
    message: ({ comment, created }) => ({ key: !created ? "comments.alreadyPosted" : comment.status === "PENDING" ? "comments.postedPending" : "comments.posted", values: { receipt: comment.receiptNumber ?? "—" } }),
    focusId: ({ comment }) => `comment-${comment.id}`,
  });
}

export async function editCommentAction(_state: FormState, form: FormData): Promise<FormState> {
  const values = fields(form);
  return runAction(values, () => throughWriteGate(async () => editComment(await getActor(), values)), { refresh: refreshConsultationPages, message: "comments.editSaved" });
}

export async function withdrawCommentAction(_state: FormState, form: FormData): Promise<FormState> {
  const values = fields(form);
  return runAction(values, () => throughWriteGate(async () => withdrawComment(await getActor(), values)), { refresh: refreshConsultationPages, message: "comments.withdrawn" });
}

export async function agreementAction(_state: FormState, form: FormData): Promise<FormState> {
  const values = fields(form);
  return runAction(values, () => throughWriteGate(async () => setAgreement(await getActor(), values, values.intent !== "undo")), { refresh: refreshConsultationPages });
}

export async function flagCommentAction(_state: FormState, form: FormData): Promise<FormState> {
  const values = fields(form);
  const { ip } = await requestContext();
  return runAction(values, async () => flagComment(await getActor(), values, { address: ip }), { refresh: refreshConsultationPages, message: "comments.reported" });
}
