"use client";

import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { FormDisclosure, GiveBackRefused, TypedTextarea, type Disclosure } from "@/components/forms/action-form";
import { FieldShell } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import type { FormAction, FormState } from "@/lib/actions/form-state";
import { COMMENT_BODY_MAX, QUOTE_INPUT_MAX } from "@/lib/comments/schemas";
import { selectionWithin } from "./selection-offsets";

type CommentFormProps = {
  mode: "comment" | "reply";
  messageId: string;
  parentId?: string;
  action: FormAction;
  /** One per form shown: submitting twice creates one comment. */
  idempotencyKey: string;
  /** Where the unsent text is kept in this browser, so a reload or lost connection loses nothing. */
  storageKey: string;
  disclosure?: Disclosure;
  /** Renders nothing unless the server refused what was sent (the consultation has closed: give back the text). */
  onlyWhenRefused?: boolean;
};

export type Draft = { body?: string; quote?: string; quoteStart?: string; quoteEnd?: string };

export function CommentForm({ mode, messageId, parentId, action, idempotencyKey, storageKey, disclosure, onlyWhenRefused }: CommentFormProps) {
  const t = useTranslations("comments");
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as FormState);
  const formRef = useRef<HTMLFormElement>(null);
  const [selected, setSelected] = useState<{ start: number; end: number; exact: string } | null>(null);
  const id = parentId ? `reply-${parentId}` : `comment-${messageId}`;

  // Bring back what was typed before a reload, and keep what was typed before this script ran.
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    for (const [name, value] of Object.entries(readDraft(storageKey) ?? {})) {
      const field = form.elements.namedItem(name);
      if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) field.value ||= value ?? "";
    }
    saveFormDraft(form, storageKey);
  }, [storageKey]);

  // Sent: forget the draft and start a new form with a new key.
  useEffect(() => {
    const form = formRef.current;
    if (state.status !== "ok" || !form) return;
    form.reset();
    localStorage.removeItem(storageKey);
    const key = form.elements.namedItem("idempotencyKey");
    if (key instanceof HTMLInputElement) key.value = crypto.randomUUID();
  }, [state, storageKey]);

  const refused = state.status === "error";
  const hidden = Boolean(onlyWhenRefused) && !refused;

  // A passage selected in the message text (mouse, touch) can be quoted with one button.
  useEffect(() => {
    if (mode !== "comment" || hidden) return;
    const onChange = () => {
      const container = document.querySelector("[data-message-text]");
      const selection = container ? selectionWithin(container) : null;
      if (selection) setSelected(selection);
    };
    document.addEventListener("selectionchange", onChange);
    return () => document.removeEventListener("selectionchange", onChange);
  }, [mode, hidden]);

  const saveDraft = () => {
    if (formRef.current) saveFormDraft(formRef.current, storageKey);
  };

  const quoteSelection = () => {
    const form = formRef.current;
    if (!form || !selected) return;
    (form.elements.namedItem("quote") as HTMLInputElement).value = selected.exact;
    (form.elements.namedItem("quoteStart") as HTMLInputElement).value = String(selected.start);
    (form.elements.namedItem("quoteEnd") as HTMLInputElement).value = String(selected.end);
    saveDraft();
    (form.elements.namedItem("body") as HTMLTextAreaElement).focus();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    saveDraft();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };

  if (hidden) return null;
  const errors = refused ? state.fieldErrors : {};
  return (
    <FormDisclosure disclosure={disclosure} refused={refused}>
      <GiveBackRefused state={state}>
        <form ref={formRef} action={formAction} onSubmit={onSubmit} onInput={saveDraft} className="comment-form" data-draft-key={storageKey} aria-label={mode === "reply" ? t("replyLabel") : t("formLabel")}>
          <FormAlert state={state} />
          {state.status === "error" && state.code === "DEADLINE_PASSED" ? <p className="hint">{t("copyYourText")}</p> : null}
          <input type="hidden" name="messageId" value={messageId} />
          {parentId ? <input type="hidden" name="parentId" value={parentId} /> : null}
          <input type="hidden" name="idempotencyKey" defaultValue={idempotencyKey} />
          {mode === "comment" ? (
            <>
              <input type="hidden" name="quoteStart" defaultValue="" />
              <input type="hidden" name="quoteEnd" defaultValue="" />
              <p className="quote-selection">
                <button type="button" className="secondary" onPointerDown={(event) => event.preventDefault()} onClick={quoteSelection} disabled={!selected}>
                  {t("quoteSelection")}
                </button>
              </p>
              <FieldShell id={`${id}-quote`} label={t("quote")} hint={t("quoteHint")} error={errors.quote ?? errors.selector}>
                {(aria) => (
                  <TypedTextarea
                    {...aria}
                    name="quote"
                    rows={2}
                    maxLength={QUOTE_INPUT_MAX}
                    onInput={(event) => {
                      // A typed change of the quote no longer matches the selection's offsets.
                      const form = event.currentTarget.form!;
                      (form.elements.namedItem("quoteStart") as HTMLInputElement).value = "";
                      (form.elements.namedItem("quoteEnd") as HTMLInputElement).value = "";
                    }}
                  />
                )}
              </FieldShell>
            </>
          ) : null}
          <FieldShell id={`${id}-body`} label={mode === "reply" ? t("yourReply") : t("yourComment")} hint={t("bodyHint")} error={errors.body} required>
            {(aria) => <TypedTextarea {...aria} name="body" rows={mode === "reply" ? 3 : 6} maxLength={COMMENT_BODY_MAX} required />}
          </FieldShell>
          <button type="submit" disabled={pending}>
            {pending ? t("sending") : mode === "reply" ? t("sendReply") : t("send")}
          </button>
        </form>
      </GiveBackRefused>
    </FormDisclosure>
  );
}

export function readDraft(storageKey: string): Draft | null {
  try {
    return JSON.parse(localStorage.getItem(storageKey) ?? "null") as Draft | null;
  } catch {
    return null;
  }
}

function saveFormDraft(form: HTMLFormElement, storageKey: string) {
  const data = new FormData(form);
  const draft: Draft = {};
  for (const name of ["body", "quote", "quoteStart", "quoteEnd"] as const) {
    const value = data.get(name);
    if (typeof value === "string" && value) draft[name] = value;
  }
  if (Object.keys(draft).length) localStorage.setItem(storageKey, JSON.stringify(draft));
  else localStorage.removeItem(storageKey);
}
