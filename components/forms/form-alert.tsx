"use client";

import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/actions/form-state";

/** The form-level outcome, announced to screen readers when it changes. */
export function FormAlert({ state }: { state: FormState }) {
  const t = useTranslations();
  let text: string | null = null;
  if (state.status === "error") {
    if (state.code === "UNEXPECTED") text = t("errors.unexpected", { reference: state.reference ?? "" });
    else if (state.code === "RATE_LIMITED")
      text = t("errors.rateLimited", { minutes: Math.max(1, Math.ceil((state.retryAfterSeconds ?? 60) / 60)) });
    else if (state.code === "VALIDATION") text = t("errors.checkFields");
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
