import { getTranslations } from "next-intl/server";
import { ActionForm, TypedTextarea } from "@/components/forms/action-form";
import type { FormAction } from "@/lib/actions/form-state";
import { OVERRIDE_REASON_MAX } from "@/lib/finalisation/schemas";

type PublishFormProps = {
  action: FormAction;
  consultationId: string;
  unanswered: number;
  canOverride: boolean;
  /** Kept messages without a final text: published as drafted. */
  keptAsDrafted: string[];
};

/** Publishing the outcome; with comments unanswered, only an administrator can, giving a reason. */
export async function PublishForm({ action, consultationId, unanswered, canOverride, keptAsDrafted }: PublishFormProps) {
  const t = await getTranslations("finalise.publish");
  return (
    <ActionForm action={action} label={t("heading")}>
      <input type="hidden" name="consultationId" value={consultationId} />
      {keptAsDrafted.length > 0 ? <p className="hint">{t("keptAsDrafted", { numbers: keptAsDrafted.join(", ") })}</p> : null}
      {unanswered > 0 ? (
        <p>
          <strong>{t("unanswered", { count: unanswered })}</strong>
        </p>
      ) : (
        <p>{t("allAnswered")}</p>
      )}
      {unanswered > 0 && canOverride ? (
        <div className="field">
          <label htmlFor="override-reason">{t("overrideReason")}</label>
          <p className="hint" id="override-reason-hint">
            {t("overrideHint")}
          </p>
          <TypedTextarea id="override-reason" name="overrideReason" required maxLength={OVERRIDE_REASON_MAX} rows={3} aria-describedby="override-reason-hint" />
        </div>
      ) : null}
      {unanswered > 0 && !canOverride ? (
        <p className="hint">{t("adminOnly")}</p>
      ) : (
        <button type="submit">{unanswered > 0 ? t("sendOverride") : t("send")}</button>
      )}
    </ActionForm>
  );
}
