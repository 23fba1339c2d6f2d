"use client";

import { useEffect, useRef, type MouseEvent } from "react";

export type ErrorSummaryItem = { fieldId: string; text: string };

type ErrorSummaryProps = {
  title: string;
  items: ErrorSummaryItem[];
  /** Changes with every refusal, so that a second refusal moves focus here again. */
  refusal: number;
};

/**
 * A refusal at the top of a long form (as GOV.UK does it): it takes focus and
 * scrolls into view when it appears, and each problem links to its field.
 */
export function ErrorSummary({ title, items, refusal }: ErrorSummaryProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (items.length > 0) {
      box.current?.focus();
      box.current?.scrollIntoView({ block: "start" });
    }
    // Focus moves once per refusal, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [refusal]);
  if (items.length === 0) return null;
  // The link works as a plain fragment too; with JavaScript the field itself is focused, its label in view.
  const focusField = (event: MouseEvent<HTMLAnchorElement>, fieldId: string) => {
    const field = document.getElementById(fieldId);
    if (!field) return;
    event.preventDefault();
    field.focus({ preventScroll: true });
    (field.closest(".field") ?? field).scrollIntoView({ block: "start" });
  };
  return (
    <div className="error-summary" ref={box} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {items.map((item) => (
          <li key={`${item.fieldId}:${item.text}`}>
            <a href={`#${item.fieldId}`} onClick={(event) => focusField(event, item.fieldId)}>
              {item.text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
