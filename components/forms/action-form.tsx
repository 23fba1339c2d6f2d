"use client";

import { createContext, startTransition, useActionState, useContext, useEffect, useRef, type ComponentProps, type FormEvent, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/actions/form-state";
import { FormAlert } from "./form-alert";

type ActionFormProps = {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  children: ReactNode;
  className?: string;
  /** For controls elsewhere in the page that belong to this form (their `form` attribute). */
  id?: string;
  /** Accessible name of the form, when a page holds many. */
  label?: string;
  disclosure?: Disclosure;
  /** Renders nothing unless the server refused what was sent: to give back a submission made just as writing closed. */
  onlyWhenRefused?: boolean;
};

/** Puts a form behind a disclosure with this summary. */
export type Disclosure = { summary: string; className?: string };

const RefusedValues = createContext<Partial<Record<string, unknown>>>({});

/**
 * A small server-action form that keeps what was typed when the server says
 * no, and works without JavaScript: with it, React does not reset the form;
 * without it, the page comes back from the server and TypedTextarea refills
 * itself from what was sent.
 */
export function ActionForm({ action, children, className, id, label, disclosure, onlyWhenRefused }: ActionFormProps) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as FormState);
  const disclosureRef = useRef<HTMLDetailsElement>(null);
  // Done: a form behind a disclosure closes, and the focus goes back to its summary (the outcome is announced beside it).
  useEffect(() => {
    const details = disclosureRef.current;
    if (state.status !== "ok" || !details?.open) return;
    details.open = false;
    details.querySelector("summary")?.focus();
  }, [state]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => formAction(data));
  };
  const refused = state.status === "error";
  if (onlyWhenRefused && !refused) return null;
  const fieldErrors = refused ? Object.values(state.fieldErrors) : [];
  // Behind a disclosure, the outcome stays in view when the form closes.
  const alert = <FormAlert state={state} />;
  return (
    <>
      <FormDisclosure disclosure={disclosure} refused={refused} detailsRef={disclosureRef}>
        <form id={id} action={formAction} onSubmit={onSubmit} className={className} aria-label={label} aria-busy={pending || undefined}>
          {disclosure ? null : alert}
          {fieldErrors.length > 0 ? (
            <ul className="field-error">
              {fieldErrors.map((key) => (
                <li key={key}>{t(key)}</li>
              ))}
            </ul>
          ) : null}
          <GiveBackRefused state={state}>{children}</GiveBackRefused>
        </form>
      </FormDisclosure>
      {disclosure ? alert : null}
    </>
  );
}

/** The form alone, or behind its disclosure, opened when the server refused what was sent (so the message and the text are in view). */
export function FormDisclosure({
  disclosure,
  refused,
  children,
  detailsRef,
}: {
  disclosure?: Disclosure;
  refused: boolean;
  children: ReactNode;
  detailsRef?: React.Ref<HTMLDetailsElement>;
}) {
  if (!disclosure) return children;
  return (
    <details ref={detailsRef} className={disclosure.className} open={refused || undefined}>
      <summary>{disclosure.summary}</summary>
      {children}
    </details>
  );
}

/** Lets the Typed… fields inside show what was sent when `state` is the server's refusal of it. */
export function GiveBackRefused({ state, children }: { state: FormState; children: ReactNode }) {
  return <RefusedValues value={state.status === "error" ? state.values : {}}>{children}</RefusedValues>;
}

/** What was sent in this field of the enclosing form, when the server refused it. */
function useRefusedValue(name: string, defaultValue: ComponentProps<"input">["defaultValue"]) {
  const sent = useContext(RefusedValues)[name];
  return typeof sent === "string" ? sent : defaultValue;
}

/** A textarea inside an ActionForm (or GiveBackRefused) that shows what was sent, rather than its default, after the server refused it. */
export function TypedTextarea({ name, defaultValue, ...props }: ComponentProps<"textarea"> & { name: string }) {
  return <textarea name={name} defaultValue={useRefusedValue(name, defaultValue)} {...props} />;
}

/** An input inside an ActionForm that shows what was sent, rather than its default, after the server refused it. */
export function TypedInput({ name, defaultValue, ...props }: ComponentProps<"input"> & { name: string }) {
  return <input name={name} defaultValue={useRefusedValue(name, defaultValue)} {...props} />;
}

/** A select inside an ActionForm that shows what was sent, rather than its default, after the server refused it. */
export function TypedSelect({ name, defaultValue, ...props }: ComponentProps<"select"> & { name: string }) {
  return <select name={name} defaultValue={useRefusedValue(name, defaultValue)} {...props} />;
}

/** A radio button inside an ActionForm that is checked when it was the one sent and the server refused it. */
export function TypedRadio({ name, value, defaultChecked, ...props }: Omit<ComponentProps<"input">, "type"> & { name: string; value: string }) {
  const sent = useContext(RefusedValues)[name];
  return <input type="radio" name={name} value={value} defaultChecked={typeof sent === "string" ? sent === value : defaultChecked} {...props} />;
}
