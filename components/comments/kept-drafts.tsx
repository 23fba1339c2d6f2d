"use client";

import { useMemo, useState, useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import { readDraft, type Draft } from "./comment-form";

/** A place where a comment form keeps its unsent text, and how to name it to the person. */
export type DraftPlace = { storageKey: string; label: string };

type KeptDraftsProps = {
  places: DraftPlace[];
  /** When the consultation closed, as the rest of the page shows it (its reference zone). */
  closedAt: string;
};

type Kept = DraftPlace & { draft: Draft };

/**
 * On a consultation that no longer takes comments, the text a person typed
 * and never sent is still kept in this browser: show it, with a way to copy
 * it and a way to let it go, instead of hiding it with the form. Only this
 * browser knows about it, so this appears once the page has loaded; a form
 * that is on screen with the same text (a refusal just now) keeps it alone.
 */
export function KeptDrafts({ places, closedAt }: KeptDraftsProps) {
  const t = useTranslations("comments");
  const snapshot = useSyncExternalStore(subscribe, () => keptSnapshot(places), () => "[]");
  const kept = useMemo(() => JSON.parse(snapshot) as Kept[], [snapshot]);
  const [copied, setCopied] = useState<string | null>(null);

  if (kept.length === 0) return null;

  const copy = async (item: Kept) => {
    const text = item.draft.quote ? `“${item.draft.quote}”\n\n${item.draft.body}` : (item.draft.body ?? "");
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // No clipboard permission (or no secure context): select the text so the person can copy it themselves.
      const field = document.getElementById(fieldId(item));
      if (field instanceof HTMLTextAreaElement) field.select();
      return;
    }
    setCopied(item.storageKey);
  };

  const forget = (item: Kept) => {
    localStorage.removeItem(item.storageKey);
    for (const listener of listeners) listener();
  };

  return (
    <section className="kept-drafts notice" aria-labelledby="kept-drafts-heading">
      <h3 id="kept-drafts-heading">{t("keptHeading")}</h3>
      <p>{t("keptExplanation", { time: closedAt })}</p>
      {kept.map((item) => (
        <div key={item.storageKey} className="kept-draft">
          {item.draft.quote ? (
            <blockquote>
              <p>{item.draft.quote}</p>
            </blockquote>
          ) : null}
          <label htmlFor={fieldId(item)}>{item.label}</label>
          <textarea id={fieldId(item)} readOnly rows={4} value={item.draft.body} />
          <p className="actions">
            <button type="button" onClick={() => copy(item)}>
              {t("copyText")}
            </button>{" "}
            <button type="button" className="secondary" onClick={() => forget(item)}>
              {t("forgetText")}
            </button>
            <span role="status" className="hint">
              {copied === item.storageKey ? ` ${t("copied")}` : ""}
            </span>
          </p>
        </div>
      ))}
    </section>
  );
}

const listeners = new Set<() => void>();

/** Kept text changes when this page forgets some, or another tab of this site writes or sends some. */
function subscribe(onChange: () => void) {
  listeners.add(onChange);
  window.addEventListener("storage", onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener("storage", onChange);
  };
}

/** The kept drafts as a string, so that React sees an unchanged list as unchanged. */
function keptSnapshot(places: DraftPlace[]) {
  const shownInForm = (key: string) => document.querySelector(`form[data-draft-key="${CSS.escape(key)}"]`) !== null;
  const kept: Kept[] = places.flatMap((place) => {
    const draft = readDraft(place.storageKey);
    return draft?.body && !shownInForm(place.storageKey) ? [{ ...place, draft }] : [];
  });
  return JSON.stringify(kept);
}

function fieldId(item: DraftPlace) {
  return `kept-${item.storageKey.replace(/[^a-zA-Z0-9-]/g, "-")}`;
}
