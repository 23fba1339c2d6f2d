"use client";

import { useEffect, useId, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { clauseJump, wordsOf } from "@/lib/annotations/words";
import { announcePassage, domRange, onPassage, type Passage } from "./passage-event";

type PassagePickerProps = {
  text: string;
  language: string;
  /** Whether a comment form takes the passage: otherwise the text is shown as it is. */
  enabled: boolean;
  /** The message text as the server renders it (HighlightedText). */
  children: ReactNode;
};

/**
 * The message text as a passage picker for the keyboard and screen readers:
 * Tab into it, arrows move word by word (up and down by clause), Enter marks
 * the first word and Enter again the last; the choice is read out, painted
 * on the text, and fills the comment form's quote. Without JavaScript (or
 * with no form to fill) it is the plain text.
 */
const noSubscription = () => () => {};

export function PassagePicker({ text, language, enabled, children }: PassagePickerProps) {
  const t = useTranslations("comments");
  // True once hydrated in a browser that segments words: the server (and a browser without JavaScript) render the plain text.
  const ready = useSyncExternalStore(noSubscription, () => enabled && typeof Intl.Segmenter === "function", () => false);
  const [cursor, setCursor] = useState<number | null>(null);
  const [anchor, setAnchor] = useState<number | null>(null);
  const [chosen, setChosen] = useState<Passage | null>(null);
  const [focused, setFocused] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const ref = useRef<HTMLDivElement>(null);
  const hintId = useId();
  const words = useMemo(() => (ready ? wordsOf(text, language) : []), [ready, text, language]);

  // The form was sent, or its quote retyped: the choice no longer holds.
  useEffect(() => onPassage((passage) => passage === null && setChosen(null)), []);

  const passageBetween = (from: number, to: number): Passage => {
    const start = words[Math.min(from, to)]!.start;
    const end = words[Math.max(from, to)]!.end;
    return { start, end, exact: text.slice(start, end) };
  };

  // Paints the cursor and the choice on the text itself (CSS Custom Highlight API, where the browser has it).
  useEffect(() => {
    const registry = typeof CSS !== "undefined" ? CSS.highlights : undefined;
    const container = ref.current?.querySelector("[data-message-text]");
    if (!registry || !container) return;
    const paint = (name: string, passage: { start: number; end: number } | null) => {
      const range = passage ? domRange(container, passage.start, passage.end) : null;
      if (range) registry.set(name, new Highlight(range));
      else registry.delete(name);
    };
    const current = cursor !== null && words[cursor] ? words[cursor] : null;
    paint("passage-cursor", focused ? current : null);
    paint("passage-choice", anchor !== null && cursor !== null ? passageBetween(anchor, cursor) : chosen);
    return () => {
      registry.delete("passage-cursor");
      registry.delete("passage-choice");
    };
  });

  if (!ready || words.length === 0) return <div className="passage-picker">{children}</div>;

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(words.length - 1, index));
    setCursor(next);
    setFocused(true);
    const word = words[next]!;
    setAnnouncement(anchor === null ? text.slice(word.start, word.end) : t("pickerRange", { passage: passageBetween(anchor, next).exact }));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return;
    const at = cursor ?? 0;
    const rightToLeft = getComputedStyle(event.currentTarget).direction === "rtl";
    const forward = rightToLeft ? "ArrowLeft" : "ArrowRight";
    const backward = rightToLeft ? "ArrowRight" : "ArrowLeft";
    switch (event.key) {
      case forward:
        moveTo(at + 1);
        break;
      case backward:
        moveTo(at - 1);
        break;
      case "ArrowDown":
        moveTo(clauseJump(words, at, 1));
        break;
      case "ArrowUp":
        moveTo(clauseJump(words, at, -1));
        break;
      case "Home":
        moveTo(0);
        break;
      case "End":
        moveTo(words.length - 1);
        break;
      case "Enter":
      case " ":
        if (anchor === null) {
          setAnchor(at);
          setCursor(at);
          setChosen(null);
          setAnnouncement(t("pickerStart", { word: text.slice(words[at]!.start, words[at]!.end) }));
        } else {
          const passage = passageBetween(anchor, at);
          setAnchor(null);
          setChosen(passage);
          setAnnouncement(t("pickerChosen", { passage: passage.exact }));
          announcePassage(passage);
        }
        break;
      case "Escape":
        if (anchor === null && chosen === null) return;
        setAnchor(null);
        setChosen(null);
        setAnnouncement(t("pickerCancelled"));
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  return (
    <>
      {/* role="application": screen readers hand the arrow keys to the picker while it has the focus. */}
      <div
        ref={ref}
        className="passage-picker"
        tabIndex={0}
        role="application"
        aria-roledescription={t("pickerRoleDescription")}
        aria-label={t("pickerLabel")}
        aria-describedby={hintId}
        onKeyDown={onKeyDown}
        onFocus={(event) => {
          // Only the keyboard's focus: a click or a tap into the text (to select it) paints no cursor.
          if (event.target !== event.currentTarget || !event.currentTarget.matches(":focus-visible")) return;
          setFocused(true);
          if (cursor === null) moveTo(0);
        }}
        onBlur={() => setFocused(false)}
      >
        {children}
      </div>
      <p id={hintId} className="meta picker-hint">
        {t("pickerHint")}
      </p>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true" data-picker-status="">
        {announcement}
      </p>
    </>
  );
}
