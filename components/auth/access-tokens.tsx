import { getLocale, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import type { FormState } from "@/lib/actions/form-state";
import type { Actor } from "@/lib/auth/actor";
import { listAccessTokens } from "@/lib/auth/access-tokens";
import type { TokenFormState } from "@/lib/auth/token-form-state";
import { formatInstant } from "@/lib/time/format";
import { TokenCreateForm } from "./token-create-form";

type AccessTokensProps = {
  actor: Actor;
  createAction: (state: TokenFormState, form: FormData) => Promise<TokenFormState>;
  revokeAction: (state: FormState, form: FormData) => Promise<FormState>;
};

/** The account page's list of personal access tokens, with create and revoke. */
export async function AccessTokens({ actor, createAction, revokeAction }: AccessTokensProps) {
  const t = await getTranslations("account");
  const locale = await getLocale();
  const tokens = await listAccessTokens(actor);
  const now = new Date();
  const when = (date: Date | null) => (date ? formatInstant(date, locale, "UTC") : t("never"));
  return (
    <section aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">{t("tokensHeading")}</h2>
      <p>{t("tokensIntro")}</p>
      {tokens.length === 0 ? (
        <p>{t("noTokens")}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("tokenColumns.name")}</th>
              <th scope="col">{t("tokenColumns.prefix")}</th>
              <th scope="col">{t("tokenColumns.created")}</th>
              <th scope="col">{t("tokenColumns.expires")}</th>
              <th scope="col">{t("tokenColumns.lastUsed")}</th>
              <th scope="col">{t("tokenColumns.status")}</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <th scope="row">
                  <bdi>{token.name}</bdi>
                </th>
                <td>
                  <code>{token.prefix}…</code>
                </td>
                <td>{when(token.createdAt)}</td>
                <td>{when(token.expiresAt)}</td>
                <td>{when(token.lastUsedAt)}</td>
                <td>
                  {token.revokedAt ? (
                    t("revoked")
                  ) : token.expiresAt <= now ? (
                    t("expired")
                  ) : (
                    <ActionForm action={revokeAction} label={t("revokeToken", { name: token.name })}>
                      <input type="hidden" name="id" value={token.id} />
                      {t("active")}{" "}
                      <button type="submit" className="secondary">
                        {t("revoke")}
                      </button>
                    </ActionForm>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <TokenCreateForm action={createAction} />
    </section>
  );
}
