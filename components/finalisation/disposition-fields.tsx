import { getTranslations } from "next-intl/server";
import { TypedRadio, TypedTextarea } from "@/components/forms/action-form";
import { DISPOSITION_OUTCOMES, RATIONALE_MAX } from "@/lib/finalisation/schemas";
import { CorrectionNoteField } from "./correction-note-field";

type DispositionFieldsProps = { idPrefix: string; published: boolean; defaultOutcome?: string; defaultRationale?: string };

/** Outcome and rationale (and, after publication, the correction note): one comment's form and the bulk form share them. */
export async function DispositionFields({ idPrefix, published, defaultOutcome, defaultRationale }: DispositionFieldsProps) {
  const t = await getTranslations("finalise");
  return (
    <>
      <fieldset>
        <legend>{t("disposition.outcome")}</legend>
        {DISPOSITION_OUTCOMES.map((outcome) => (
          <div className="choice" key={outcome}>
            <TypedRadio id={`${idPrefix}-${outcome}`} name="outcome" value={outcome} required defaultChecked={outcome === defaultOutcome} />
            <label htmlFor={`${idPrefix}-${outcome}`}>{t(`outcomes.${outcome}`)}</label>
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${idPrefix}-rationale`}>{t("disposition.rationale")}</label>
        <p className="hint" id={`${idPrefix}-rationale-hint`}>
          {t("disposition.rationaleHint")}
        </p>
        <TypedTextarea id={`${idPrefix}-rationale`} name="rationale" maxLength={RATIONALE_MAX} rows={3} defaultValue={defaultRationale} aria-describedby={`${idPrefix}-rationale-hint`} />
      </div>
      {published ? <CorrectionNoteField id={`${idPrefix}-correction`} /> : null}
    </>
  );
}
