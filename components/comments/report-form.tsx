import { Link } from "@/components/navigation/link";
import { getTranslations } from "next-intl/server";
import { ActionForm, TypedRadio, TypedTextarea } from "@/components/forms/action-form";
import type { FormAction } from "@/lib/actions/form-state";
import { FLAG_REASONS, MODERATION_NOTE_MAX } from "@/lib/moderation/schemas";

type ReportFormProps = { commentId: string; action: FormAction };

/** Reports a comment to the moderators under one of the code of participation's categories. */
export async function ReportForm({ commentId, action }: ReportFormProps) {
  const t = await getTranslations("comments");
  const m = await getTranslations("moderation");
  const id = (suffix: string) => `report-${commentId}-${suffix}`;
  return (
    <div className="comment-report">
      <ActionForm action={action} label={t("reportLabel")} disclosure={{ summary: t("report"), className: "report" }}>
        <input type="hidden" name="commentId" value={commentId} />
        <fieldset>
          <legend>{t("reportReason")}</legend>
          <p className="hint">
            {t("reportHint")} <Link href="/code-of-participation#not-allowed">{t("reportCodeLink")}</Link>
          </p>
          {FLAG_REASONS.map((reason) => (
            <div key={reason}>
              <div className="choice">
                <TypedRadio id={id(reason)} name="reason" value={reason} required aria-describedby={id(`${reason}-hint`)} />
                <label htmlFor={id(reason)}>{m(`reasons.${reason}`)}</label>
              </div>
              <p className="hint" id={id(`${reason}-hint`)}>
                {m(`explanations.${reason}`)}
              </p>
            </div>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={id("note")}>{t("reportNote")}</label>
          <p className="hint" id={id("note-hint")}>
            {t("reportNoteHint")}
          </p>
          <TypedTextarea id={id("note")} name="note" maxLength={MODERATION_NOTE_MAX} rows={3} aria-describedby={id("note-hint")} />
        </div>
        <button type="submit">{t("reportSend")}</button>
      </ActionForm>
    </div>
  );
}
