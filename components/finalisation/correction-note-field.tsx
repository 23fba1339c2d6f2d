import { getTranslations } from "next-intl/server";
import { TypedTextarea } from "@/components/forms/action-form";
import { CORRECTION_NOTE_MAX } from "@/lib/finalisation/schemas";

/** After publication every change is a correction: the public note that says what and why. */
export async function CorrectionNoteField({ id }: { id: string }) {
  const t = await getTranslations("finalise.corrections");
  return (
    <div className="field">
      <label htmlFor={id}>{t("note")}</label>
      <p className="hint" id={`${id}-hint`}>
        {t("noteHint")}
      </p>
      <TypedTextarea id={id} name="correctionNote" required maxLength={CORRECTION_NOTE_MAX} rows={2} aria-describedby={`${id}-hint`} />
    </div>
  );
}
