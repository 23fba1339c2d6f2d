"use client";

import { startTransition, useActionState, useEffect, useLayoutEffect, useRef, useState, type FormEvent } from "react";
import { createPortal } from "react-dom";
import { useTranslations } from "next-intl";
import { FormDisclosure, GiveBackRefused, TypedSelect, TypedTextarea, type Disclosure } from "@/components/forms/action-form";
import { FieldShell } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import type { FormAction, FormState } from "@/lib/actions/form-state";
import { COMMENT_BODY_MAX, QUOTE_INPUT_MAX } from "@/lib/comments/limits";
import { announcePassage, onPassage, type Passage } from "./passage-event";
import { selectionWithin } from "./selection-offsets";
import { LOCALE_NAMES, LOCALES, localeDirection } from "@/lib/i18n/locales";

type CommentFormProps = {
  mode: "comment" | "reply";
  messageId: string;
  /** The message's language, for the passages quoted back. */
  language?: string;
  /** The language the comment is written in unless its author chooses another (their profile's). */
  writingLanguage?: string | null;
  parentId?: string;
  /** Written on a translation of the document: its language tag (the quote is looked up in its text). Absent: on the original. */
  translation?: string;
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

export function CommentForm({ mode, messageId, language, writingLanguage, parentId, translation, action, idempotencyKey, storageKey, disclosure, onlyWhenRefused }: CommentFormProps) {
  const t = useTranslations("comments");
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as FormState);
  const formRef = useRef<HTMLFormElement>(null);
  const [selected, setSelected] = useState<SelectedPassage | null>(null);
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

  // Sent: forget the draft, start a new form with a new key, and take the person to what they wrote.
  useEffect(() => {
    const form = formRef.current;
    if (state.status !== "ok" || !form) return;
    form.reset();
    localStorage.removeItem(storageKey);
    const key = form.elements.namedItem("idempotencyKey");
    if (key instanceof HTMLInputElement) key.value = crypto.randomUUID();
    if (mode === "comment") announcePassage(null);
    // The new comment, or (when it is listed on another page of the threads) the message saying it was published.
    if (state.focusId) (document.getElementById(state.focusId) ?? form.querySelector<HTMLElement>(".form-alert"))?.focus();
  }, [state, storageKey, mode]);

  const refused = state.status === "error";
  const hidden = Boolean(onlyWhenRefused) && !refused;

  // A passage selected in the message text (mouse, touch) can be quoted with a button beside the selection.
  useEffect(() => {
    if (mode !== "comment" || hidden) return;
    const onChange = () => {
      const container = document.querySelector("[data-message-text]");
      const selection = container ? selectionWithin(container) : null;
      setSelected(selection && container?.parentElement ? { ...selection, box: besideSelection(container.parentElement) } : null);
    };
    document.addEventListener("selectionchange", onChange);
    return () => document.removeEventListener("selectionchange", onChange);
  }, [mode, hidden]);

  const saveDraft = () => {
    if (formRef.current) saveFormDraft(formRef.current, storageKey);
  };

  /** Puts a passage in the quote (with its offsets, when it was picked in the text rather than typed). */
  const fillQuote = (passage: Pick<Passage, "exact"> & Partial<Passage>, focusBody = true) => {
    const form = formRef.current;
    if (!form) return;
    (form.elements.namedItem("quote") as HTMLInputElement).value = passage.exact;
    (form.elements.namedItem("quoteStart") as HTMLInputElement).value = passage.start === undefined ? "" : String(passage.start);
    (form.elements.namedItem("quoteEnd") as HTMLInputElement).value = passage.end === undefined ? "" : String(passage.end);
    saveDraft();
    if (focusBody) (form.elements.namedItem("body") as HTMLTextAreaElement).focus();
  };

  // The keyboard passage picker chose a passage: quote it, and go on to write.
  useEffect(() => {
    if (mode !== "comment" || hidden) return;
    return onPassage((passage) => passage && fillQuote(passage));
  });

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
          {translation ? <input type="hidden" name="textLanguage" value={translation} /> : null}
          <input type="hidden" name="idempotencyKey" defaultValue={idempotencyKey} />
          {mode === "comment" ? (
            <>
              <input type="hidden" name="quoteStart" defaultValue="" />
              <input type="hidden" name="quoteEnd" defaultValue="" />
              {selected ? <QuoteButton selected={selected} label={t("quoteSelection")} onQuote={() => fillQuote(selected)} /> : null}
              <FieldShell id={`${id}-quote`} label={t("quote")} hint={t("quoteHint")} error={errors.quote ?? errors.selector}>
                {(aria) => (
                  <TypedTextarea
                    {...aria}
                    name="quote"
                    rows={2}
                    maxLength={QUOTE_INPUT_MAX}
                    onInput={(event) => {
                      // A typed change of the quote no longer matches the selection's offsets, nor a passage chosen.
                      const form = event.currentTarget.form!;
                      (form.elements.namedItem("quoteStart") as HTMLInputElement).value = "";
                      (form.elements.namedItem("quoteEnd") as HTMLInputElement).value = "";
                      const keep = form.querySelector<HTMLInputElement>('input[name="quoteChoice"][value=""]');
                      if (keep) keep.checked = true;
                      announcePassage(null);
                    }}
                  />
                )}
              </FieldShell>
              {state.status === "error" && state.passages?.length ? (
                <fieldset className="nearest-passages">
                  <legend>{t("nearestPassages")}</legend>
                  {state.passages.map((passage) => (
                    <label key={`${passage.start}:${passage.end}`}>
                      <input type="radio" name="quoteChoice" value={`${passage.start}:${passage.end}`} onChange={() => fillQuote(passage, false)} />{" "}
                      <span lang={language} dir={language ? localeDirection(language) : undefined}>{passage.exact}</span>
                    </label>
                  ))}
                  <label>
                    <input
                      type="radio"
                      name="quoteChoice"
                      value=""
                      defaultChecked
                      onChange={() => {
                        const typed = state.values.quote;
                        fillQuote({ exact: typeof typed === "string" ? typed : "" }, false);
                      }}
                    />{" "}
                    {t("keepTyped")}
                  </label>
                </fieldset>
              ) : null}
            </>
          ) : null}
          <WritingLanguage id={`${id}-language`} label={t("writtenIn")} language={writingLanguage ?? language} documentLanguage={language} error={errors.language} />
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

/**
 * The language the comment is written in: the six languages by their own
 * names (and the document's, if it is another), the author's own chosen
 * beforehand. It becomes the comment's `lang`, for screen readers and fonts.
 */
function WritingLanguage({ id, label, language, documentLanguage, error }: { id: string; label: string; language?: string | null; documentLanguage?: string; error?: string }) {
  const choices: { value: string; name: string }[] = LOCALES.map((locale) => ({ value: locale, name: LOCALE_NAMES[locale] }));
  for (const extra of [documentLanguage, language]) {
    if (extra && !choices.some((choice) => choice.value === extra)) choices.push({ value: extra, name: languageName(extra) });
  }
  return (
    <FieldShell id={id} label={label} error={error} required>
      {(aria) => (
        <TypedSelect {...aria} name="language" defaultValue={language ?? undefined} className="writing-language" required>
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value} lang={choice.value} dir={localeDirection(choice.value)}>
              {choice.name}
            </option>
          ))}
        </TypedSelect>
      )}
    </FieldShell>
  );
}

/** A language's own name ("Deutsch" for de), else its tag. */
function languageName(tag: string) {
  try {
    return new Intl.DisplayNames([tag], { type: "language" }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

type SelectedPassage = Passage & { box: { top: number; left: number; within: HTMLElement } };

/**
 * Where the quote button goes: just below the selection's last line, at its
 * start (lower on touch screens, clear of the selection handles), in the
 * coordinates of the element that holds the message text.
 */
function besideSelection(within: HTMLElement): SelectedPassage["box"] {
  const range = document.getSelection()!.getRangeAt(0);
  const lines = [...range.getClientRects()];
  const last = lines.at(-1) ?? range.getBoundingClientRect();
  const origin = within.getBoundingClientRect();
  const gap = matchMedia("(pointer: coarse)").matches ? 28 : 6;
  return { top: last.bottom - origin.top + gap, left: last.left - origin.left, within };
}

/** The quote button beside the selection, kept inside the holder's width. */
function QuoteButton({ selected, label, onQuote }: { selected: SelectedPassage; label: string; onQuote: () => void }) {
  const ref = useRef<HTMLButtonElement>(null);
  const { top, left, within } = selected.box;
  const [shift, setShift] = useState(0);
  useLayoutEffect(() => {
    const width = ref.current?.offsetWidth ?? 0;
    setShift(Math.max(0, left + width - within.clientWidth));
  }, [left, within]);
  return createPortal(
    <button
      ref={ref}
      type="button"
      className="quote-selection"
      style={{ top, left: Math.max(0, left - shift) }}
      // Keeps the selection when pressed (mouse and touch).
      onPointerDown={(event) => event.preventDefault()}
      onClick={onQuote}
    >
      {label}
    </button>,
    within,
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
