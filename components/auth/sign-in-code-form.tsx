"use client";

import { useTranslations } from "next-intl";
import { TextField } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { useZodForm } from "@/components/forms/use-zod-form";
import type { FormState } from "@/lib/actions/form-state";
import { signInCodeSchema } from "@/lib/auth/schemas";

type SignInCodeFormProps = {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  email: string;
  callbackUrl: string;
};

export function SignInCodeForm({ action, email, callbackUrl }: SignInCodeFormProps) {
  const t = useTranslations("forms");
  const { form, state, formAction, pending, onSubmit, errorFor, field } = useZodForm(signInCodeSchema, action, {
    email,
    code: "",
    callbackUrl,
  });
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate>
      <FormAlert state={state} />
      <input type="hidden" {...form.register("callbackUrl")} defaultValue={field("callbackUrl").defaultValue} />
      <TextField
        id="code-email"
        label={t("email")}
        type="email"
        autoComplete="email"
        required
        error={errorFor("email")}
        {...field("email")}
      />
      <TextField
        id="code"
        label={t("code")}
        hint={t("codeHint")}
        inputMode="numeric"
        autoComplete="one-time-code"
        required
        error={errorFor("code")}
        {...field("code")}
      />
      <button type="submit" disabled={pending}>
        {t("signIn")}
      </button>
    </form>
  );
}
