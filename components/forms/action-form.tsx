"use client";

import { startTransition, useActionState, type FormEvent, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/actions/form-state";
import { FormAlert } from "./form-alert";

type ActionFormProps = {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  children: ReactNode;
  className?: string;
  /** Accessible name of the form, when a page holds many. */
  label?: string;
};

/**
 * A small server-action form that keeps what was typed when the server says
 * no (React would reset a form after its action), and works without JavaScript.
 */
export function ActionForm({ action, children, className, label }: ActionFormProps) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as FormState);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => formAction(data));
  };
  const fieldErrors = state.status === "error" ? Object.values(state.fieldErrors) : [];
  return (
    <form action={formAction} onSubmit={onSubmit} className={className} aria-label={label} aria-busy={pending || undefined}>
      <FormAlert state={state} />
      {fieldErrors.length > 0 ? (
        <ul className="field-error">
          {fieldErrors.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      ) : null}
      {children}
    </form>
  );
}
