"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { TokenFormState } from "@/app/(auth)/account/token-actions";
import { TextField } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { TOKEN_NAME_MAX } from "@/lib/auth/schemas";

type TokenCreateFormProps = { action: (state: TokenFormState, form: FormData) => Promise<TokenFormState> };

/** Creates a token and shows its value this one time. */
export function TokenCreateForm({ action }: TokenCreateFormProps) {
  const t = useTranslations("account");
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as TokenFormState);
  return (
    <form action={formAction}>
      {state.status === "created" ? (
        <div className="form-alert ok" role="status">
          <p>{t("tokenCreated")}</p>
          <p>
            <code className="token" data-testid="new-token">
              {state.token}
            </code>
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
        error={state.status === "error" ? state.fieldErrors.name : undefined}
        defaultValue={state.status === "error" ? state.values.name : ""}
        name="name"
      />
      <button type="submit" disabled={pending}>
        {t("createToken")}
      </button>
    </form>
  );
}
