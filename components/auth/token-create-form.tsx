"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FieldShell, TextField } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { TOKEN_LIFETIME_DAYS, TOKEN_LIFETIME_DEFAULT_DAYS, TOKEN_NAME_MAX } from "@/lib/auth/schemas";
import type { TokenFormState } from "@/lib/auth/token-form-state";
import { CopyButton } from "./copy-button";

type TokenCreateFormProps = { action: (state: TokenFormState, form: FormData) => Promise<TokenFormState> };

/** Creates a token and shows its value this one time. */
export function TokenCreateForm({ action }: TokenCreateFormProps) {
  const t = useTranslations("account");
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as TokenFormState);
  const refused = state.status === "error" ? state : null;
  return (
    <form action={formAction}>
      {state.status === "created" ? (
        <div className="form-alert ok">
          <p role="status">{t("tokenCreated")}</p>
          <p className="token-value">
            <label htmlFor="new-token">{t("newToken")}</label>{" "}
            <input id="new-token" className="token" readOnly value={state.token} onFocus={(event) => event.currentTarget.select()} />{" "}
            <CopyButton targetId="new-token" label={t("copyToken")} />
          </p>
        </div>
      ) : (
        <FormAlert state={state} />
      )}
      <TextField
        id="token-name"
        label={t("tokenName")}
        required
        maxLength={TOKEN_NAME_MAX}
        error={refused?.fieldErrors.name}
        defaultValue={refused?.values.name ?? ""}
        name="name"
      />
      <FieldShell id="token-lifetime" label={t("tokenLifetime")} required error={refused?.fieldErrors.expiresInDays}>
        {(aria) => (
          <select {...aria} name="expiresInDays" defaultValue={refused?.values.expiresInDays ?? String(TOKEN_LIFETIME_DEFAULT_DAYS)}>
            {TOKEN_LIFETIME_DAYS.map((days) => (
              <option key={days} value={days}>
                {t("tokenLifetimeDays", { days })}
              </option>
            ))}
          </select>
        )}
      </FieldShell>
      <button type="submit" disabled={pending}>
        {t("createToken")}
      </button>
    </form>
  );
}
