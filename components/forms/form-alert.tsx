"use client";

import { useLocale, useTranslations } from "next-intl";
import type { FormState } from "@/lib/actions/form-state";

/** The form-level outcome, announced to screen readers when it changes. */
export function FormAlert({ state }: { state: FormState }) {
  const t = useTranslations();
  const locale = useLocale();
  let text: string | null = null;
  if (state.status === "error") {
    if (state.code === "UNEXPECTED") text = t("errors.unexpected", { reference: state.reference ?? "" });
    else if (state.code === "RATE_LIMITED")
      text = t("errors.rateLimited", { minutes: Math.max(1, Math.ceil((state.retryAfterSeconds ?? 60) / 60)) });
    else if (state.code === "VALIDATION") text = t("errors.checkFields");
    else if (state.code === "DEADLINE_PASSED" && state.closedAt) text = t("errors.closedAt", { time: readerTime(state.closedAt, locale) });
    else if (state.fieldErrors.form) text = t(state.fieldErrors.form);
    else text = t(`errors.code.${state.code}`);
  } else if (state.status === "ok" && state.message) {
    text = t(state.message);
  }
  return (
    <div aria-live="polite" aria-atomic="true" className={`form-alert ${state.status}`}>
      {text ? <p>{text}</p> : null}
    </div>
  );
}

/** An instant on the reader's own clock, with the zone's name. */
function readerTime(iso: string, locale: string) {
  return new Intl.DateTimeFormat(locale, {
    year: "numeric", month: "long", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short",
  }).format(new Date(iso));
}
