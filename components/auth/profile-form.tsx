"use client";

import { Link } from "@/components/navigation/link";
import { useTranslations } from "next-intl";
import { FieldShell, SelectField, TextField } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { useZodForm } from "@/components/forms/use-zod-form";
import type { FormState } from "@/lib/actions/form-state";
import { DISPLAY_NAME_MAX, ORGANISATION_MAX, profileSchema } from "@/lib/profiles/schemas";

type Option = { value: string; label: string; lang?: string };

type ProfileFormProps = {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  callbackUrl: string;
  firstTime: boolean;
  defaults: Record<string, string | boolean>;
  options: { groups: Option[]; regions: Option[]; countries: Option[]; languages: Option[] };
};

export function ProfileForm({ action, callbackUrl, firstTime, defaults, options }: ProfileFormProps) {
  const t = useTranslations("forms");
  const { form, state, formAction, pending, onSubmit, errorFor, field } = useZodForm(profileSchema, action, defaults);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate>
      <FormAlert state={state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField
        id="profile-name"
        label={t("displayName")}
        hint={t("displayNameHint")}
        autoComplete="name"
        maxLength={DISPLAY_NAME_MAX}
        required
        error={errorFor("name")}
        {...field("name")}
      />
      <SelectField
        id="profile-group"
        label={t("stakeholderGroup")}
        hint={t("stakeholderGroupHint")}
        placeholder={t("choose")}
        options={options.groups}
        required
        error={errorFor("stakeholderGroup")}
        {...field("stakeholderGroup")}
      />
      <SelectField
        id="profile-region"
        label={t("region")}
        placeholder={t("choose")}
        options={options.regions}
        required
        error={errorFor("region")}
        {...field("region")}
      />
      <SelectField
        id="profile-country"
        label={t("country")}
        placeholder={t("choose")}
        options={options.countries}
        autoComplete="country"
        required
        error={errorFor("country")}
        {...field("country")}
      />
      <TextField
        id="profile-organisation"
        label={t("organisation")}
        autoComplete="organization"
        maxLength={ORGANISATION_MAX}
        error={errorFor("organisation")}
        {...field("organisation")}
      />
      <SelectField
        id="profile-language"
        label={t("preferredLanguage")}
        placeholder={t("choose")}
        options={options.languages}
        required
        error={errorFor("preferredLanguage")}
        {...field("preferredLanguage")}
      />
      <FieldShell id="profile-coc" label={null} required error={errorFor("acceptCodeOfConduct")}>
        {(aria) => (
          <div className="checkbox">
            <input type="checkbox" {...aria} {...form.register("acceptCodeOfConduct")} defaultChecked={field("acceptCodeOfConduct").defaultChecked} />
            <label htmlFor={aria.id}>
              {t.rich("acceptCodeOfConduct", {
                link: (chunks) => (
                  <Link href="/code-of-participation" target="_blank">
                    {chunks}
                  </Link>
                ),
              })}
            </label>
          </div>
        )}
      </FieldShell>
      <button type="submit" disabled={pending}>
        {firstTime ? t("completeProfile") : t("saveProfile")}
      </button>
    </form>
  );
}
