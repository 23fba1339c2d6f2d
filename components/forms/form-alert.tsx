"use client";

import { useEffect, useRef } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { FormState } from "@/lib/actions/form-state";
import { formatInstant } from "@/lib/time/format";

/**
 * The form-level outcome, announced to screen readers when it changes. A
 * refusal is also focused when the page loads with it (the page the server
 * sends back to a browser without JavaScript), so it is in view and read out
 * even when the form is far down the page; with JavaScript, every refusal
 * takes the focus when it arrives.
 */
export function FormAlert({ state }: { state: FormState }) {
  const t = useTranslations();
  const locale = useLocale();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === "error") ref.current?.focus();
  }, [state]);
  let text: string | null = null;
  if (state.status === "error") {
    if (state.code === "UNEXPECTED") text = t("errors.unexpected", { reference: state.reference ?? "" });
    else if (state.code === "RATE_LIMITED")
      text = t("errors.rateLimited", { minutes: Math.max(1, Math.ceil((state.retryAfterSeconds ?? 60) / 60)) });
    else if (state.code === "VALIDATION") text = t("errors.checkFields");
    else if (state.code === "DEADLINE_PASSED" && state.closedAt)
      text = t("errors.closedAt", { time: formatInstant(new Date(state.closedAt), locale, state.timeZone ?? "UTC") });
    else if (state.fieldErrors.form) text = t(state.fieldErrors.form);
    else text = t(`errors.code.${state.code}`);
  } else if (state.status === "ok" && state.message) {
    text = t(state.message, state.messageValues);
  }
  return (
    <div ref={ref} aria-live="polite" aria-atomic="true" className={`form-alert ${state.status}`} tabIndex={-1} {...(state.status === "error" ? { autoFocus: true } : {})}>
      {text ? <p>{text}</p> : null}
    </div>
  );
}
