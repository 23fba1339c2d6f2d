"use client";

import { useTranslations } from "next-intl";
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";

type FieldShellProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  children: (aria: { "aria-describedby"?: string; "aria-invalid"?: boolean; id: string }) => ReactNode;
};

/** Label, hint and error around one control, wired for screen readers. */
export function FieldShell({ id, label, hint, error, required, children }: FieldShellProps) {
  const t = useTranslations();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field" data-invalid={error ? "" : undefined}>
      {label ? (
        <label htmlFor={id}>
          {label}
          {required ? null : <span className="optional"> {t("forms.optional")}</span>}
        </label>
      ) : null}
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId}>
          {t(error)}
        </p>
      ) : null}
      {children({ id, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined })}
    </div>
  );
}

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id"> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** From react-hook-form; a plain `name` does for forms the server alone checks. */
  registration?: UseFormRegisterReturn;
};

export function TextField({ id, label, hint, error, registration, required, ...input }: TextFieldProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required}>
      {(aria) => <input {...input} {...aria} {...registration} required={required} />}
    </FieldShell>
  );
}

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "id"> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  registration: UseFormRegisterReturn;
  /** `lang` for an option written in a language of its own (a language's own name). */
  options: { value: string; label: string; lang?: string }[];
  placeholder: string;
};

export function SelectField({ id, label, hint, error, registration, options, placeholder, required, ...select }: SelectFieldProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required}>
      {(aria) => (
        <select {...select} {...aria} {...registration} required={required}>
          <option value="">{placeholder}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value} lang={option.lang}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}
