"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState, type FormEvent } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from "react-hook-form";
import type { z } from "zod";
import type { FormState } from "@/lib/actions/form-state";

type Action = (state: FormState, form: FormData) => Promise<FormState>;

/**
 * A form checked in the browser with the same zod schema the server applies.
 * Without JavaScript the form posts to the server action and the page comes
 * back with the messages and the typed values.
 */
export function useZodForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  action: Action,
  defaultValues: Record<string, unknown>,
) {
  type Input = z.input<S>;
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as FormState);
  const form = useForm<Input>({
    resolver: zodResolver(schema as never) as unknown as Resolver<Input>,
    defaultValues: { ...defaultValues, ...(state.status === "error" ? state.values : {}) } as DefaultValues<Input>,
    mode: "onTouched",
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const element = event.currentTarget;
    // The browser check runs first; the server action still validates again.
    void form.handleSubmit(() => startTransition(() => formAction(new FormData(element))))(event);
  };

  /** The message key for a field: the browser's check first, then the server's. */
  const errorFor = (field: string): string | undefined => {
    const client = (form.formState.errors as Record<string, { message?: string } | undefined>)[field]?.message;
    if (client) return client;
    return state.status === "error" ? state.fieldErrors[field] : undefined;
  };

  /**
   * register() plus the value as an HTML attribute, so that the server-rendered
   * form (and a reply to a form sent without JavaScript) shows what was typed.
   */
  const field = (name: string) => {
    const registration = form.register(name as Path<Input>);
    const value = state.status === "error" && name in state.values ? state.values[name] : defaultValues[name];
    return typeof value === "boolean"
      ? { registration, defaultChecked: value }
      : { registration, defaultValue: value == null ? undefined : String(value) };
  };

  return { form, state, formAction, pending, onSubmit, errorFor, field };
}
