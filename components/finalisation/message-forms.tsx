import { getTranslations } from "next-intl/server";
import { ActionForm, TypedRadio, TypedSelect, TypedTextarea } from "@/components/forms/action-form";
import type { FormAction } from "@/lib/actions/form-state";
import { MESSAGE_TEXT_MAX } from "@/lib/consultations/schemas";
import { FATE_NOTE_MAX, MESSAGE_FATES } from "@/lib/finalisation/schemas";
import { CorrectionNoteField } from "./correction-note-field";
import { localeDirection } from "@/lib/i18n/locales";

type FinalTextFormProps = { action: FormAction; messageId: string; text: string; language: string; published: boolean };

/** The final text, prefilled with the current final text or else the draft. */
export async function FinalTextForm({ action, messageId, text, language, published }: FinalTextFormProps) {
  const t = await getTranslations("finalise.workspace");
  return (
    <ActionForm action={action} label={t("finalTextHeading")}>
      <input type="hidden" name="messageId" value={messageId} />
      <div className="field">
        <label htmlFor="final-text">{t("finalText")}</label>
        <TypedTextarea id="final-text" name="text" required maxLength={MESSAGE_TEXT_MAX} rows={6} defaultValue={text} lang={language} dir={localeDirection(language)} />
      </div>
      {published ? <CorrectionNoteField id="final-text-correction" /> : null}
      <button type="submit">{t("saveFinalText")}</button>
    </ActionForm>
  );
}

type FateFormProps = {
  action: FormAction;
  message: { id: string; fate: string; mergedIntoId: string | null; fateNote: string };
  mergeTargets: { id: string; number: string }[];
  published: boolean;
};

/** Keep, drop, or merge into another message, with the public note. */
export async function FateForm({ action, message, mergeTargets, published }: FateFormProps) {
  const t = await getTranslations("finalise");
  return (
    <ActionForm action={action} label={t("workspace.fateHeading")}>
      <input type="hidden" name="messageId" value={message.id} />
      <fieldset>
        <legend>{t("workspace.fate")}</legend>
        {MESSAGE_FATES.map((fate) => (
          <div className="choice" key={fate}>
            <TypedRadio id={`fate-${fate}`} name="fate" value={fate} required defaultChecked={message.fate === fate} />
            <label htmlFor={`fate-${fate}`}>{t(`fateChoices.${fate}`)}</label>
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="merged-into">{t("workspace.mergeInto")}</label>
        <TypedSelect id="merged-into" name="mergedIntoId" defaultValue={message.mergedIntoId ?? ""}>
          <option value="">{t("workspace.noMergeTarget")}</option>
          {mergeTargets.map((target) => (
            <option key={target.id} value={target.id}>
              {target.number}
            </option>
          ))}
        </TypedSelect>
      </div>
      <div className="field">
        <label htmlFor="fate-note">{t("workspace.fateNote")}</label>
        <p className="hint" id="fate-note-hint">
          {t("workspace.fateNoteHint")}
        </p>
        <TypedTextarea id="fate-note" name="fateNote" maxLength={FATE_NOTE_MAX} rows={3} defaultValue={message.fateNote} aria-describedby="fate-note-hint" />
      </div>
      {published ? <CorrectionNoteField id="fate-correction" /> : null}
      <button type="submit">{t("workspace.saveFate")}</button>
    </ActionForm>
  );
}
