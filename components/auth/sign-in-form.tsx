"use client";

import { useTranslations } from "next-intl";
import { TextField } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { useZodForm } from "@/components/forms/use-zod-form";
import type { FormState } from "@/lib/actions/form-state";
import { signInRequestSchema } from "@/lib/auth/schemas";

type SignInFormProps = {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  email: string;
  callbackUrl: string;
};

export function SignInForm({ action, email, callbackUrl }: SignInFormProps) {
  const t = useTranslations("forms");
  const { form, state, formAction, pending, onSubmit, errorFor, field } = useZodForm(signInRequestSchema, action, {
    email,
    callbackUrl,
  });
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate>
      <FormAlert state={state} />
      <input type="hidden" {...form.register("callbackUrl")} defaultValue={field("callbackUrl").defaultValue} />
      <TextField
        id="sign-in-email"
        label={t("email")}
        hint={t("emailHint")}
        type="email"
        autoComplete="email"
        inputMode="email"
        required
        error={errorFor("email")}
        {...field("email")}
      />
      <button type="submit" disabled={pending}>
        {pending ? t("sending") : t("sendLink")}
      </button>
    </form>
  );
}
