import { getTranslations } from "next-intl/server";
import { ActionForm, TypedInput, TypedTextarea } from "@/components/forms/action-form";
import type { FormAction } from "@/lib/actions/form-state";
import type { MessageNode, SectionNode } from "@/lib/consultations/read-tree";
import { HEADING_MAX, INTRODUCTION_MAX, MESSAGE_TEXT_MAX } from "@/lib/consultations/schemas";

/** The secretariat's editing actions, handed down to each section's and message's forms. */
export type EditorActions = { updateSection: FormAction; arrangeSection: FormAction; addMessage: FormAction; editMessage: FormAction; splitSection: FormAction };

type EditorProps = { actions: EditorActions; language: string; sections: SectionNode[]; frozen: boolean };

/** Every section and message with its own small forms; works without JavaScript. */
export async function ConsultationEditor({ actions, language, sections, frozen }: EditorProps) {
  const t = await getTranslations("admin");
  return (
    <section aria-labelledby="structure-heading">
      <h2 id="structure-heading">{t("structureHeading")}</h2>
      <p className="hint">{frozen ? t("numbersFrozen") : t("numbersFollow")}</p>
      <SectionEditors actions={actions} language={language} sections={sections} frozen={frozen} />
    </section>
  );
}

async function SectionEditors({ actions, language, sections, frozen }: EditorProps) {
  const t = await getTranslations("admin");
  return (
    <ol className="editor-sections">
      {sections.map((section, index) => (
        <li key={section.id} className="editor-section">
          <ActionForm action={actions.updateSection} label={t("sectionLabel", { number: section.number })}>
            <input type="hidden" name="sectionId" value={section.id} />
            <div className="field">
              <label htmlFor={`heading-${section.id}`}>{t("headingOf", { number: section.number })}</label>
              <TypedInput id={`heading-${section.id}`} name="heading" defaultValue={section.heading} lang={language} required maxLength={HEADING_MAX} />
            </div>
            <div className="field">
              <label htmlFor={`intro-${section.id}`}>{t("introductionOf", { number: section.number })}</label>
              <TypedTextarea id={`intro-${section.id}`} name="introduction" defaultValue={section.introduction} lang={language} rows={2} maxLength={INTRODUCTION_MAX} />
            </div>
            <button type="submit">{t("saveSection")}</button>
          </ActionForm>
          <ActionForm action={actions.arrangeSection} className="toolbar" label={t("arrangeSection", { number: section.number })}>
            <input type="hidden" name="id" value={section.id} />
            <button type="submit" name="intent" value="up" className="secondary" disabled={index === 0}>
              {t("moveUp")}
            </button>
            <button type="submit" name="intent" value="down" className="secondary" disabled={index === sections.length - 1}>
              {t("moveDown")}
            </button>
            {index > 0 ? (
              <button type="submit" name="intent" value="merge" className="secondary">
                {t("mergeIntoPrevious")}
              </button>
            ) : null}
          </ActionForm>
          <ol className="editor-messages">
            {section.messages.map((message, messageIndex) => (
              <MessageEditor
                key={message.id}
                actions={actions}
                language={language}
                message={message}
                first={messageIndex === 0}
                last={messageIndex === section.messages.length - 1}
                frozen={frozen}
              />
            ))}
          </ol>
          <ActionForm action={actions.addMessage} label={t("addMessageTo", { number: section.number })}>
            <input type="hidden" name="sectionId" value={section.id} />
            <div className="field">
              <label htmlFor={`add-${section.id}`}>{t("addMessageTo", { number: section.number })}</label>
              <TypedTextarea id={`add-${section.id}`} name="text" lang={language} rows={2} required maxLength={MESSAGE_TEXT_MAX} />
            </div>
            <button type="submit" className="secondary">
              {t("addMessage")}
            </button>
          </ActionForm>
          {section.sections.length > 0 ? (
            <SectionEditors actions={actions} language={language} sections={section.sections} frozen={frozen} />
          ) : null}
        </li>
      ))}
    </ol>
  );
}

type MessageEditorProps = { actions: EditorActions; language: string; message: MessageNode; first: boolean; last: boolean; frozen: boolean };

async function MessageEditor({ actions, language, message, first, last, frozen }: MessageEditorProps) {
  const t = await getTranslations("admin");
  return (
    <li className="editor-message" id={`edit-${message.number}`}>
      <ActionForm action={actions.editMessage} label={t("messageLabel", { number: message.number })}>
        <input type="hidden" name="messageId" value={message.id} />
        <input type="hidden" name="id" value={message.id} />
        <div className="field">
          <label htmlFor={`text-${message.id}`}>
            {t("textOf", { number: message.number })} <span className="hint">({t("versionShort", { number: message.versionNumber })})</span>
          </label>
          <TypedTextarea id={`text-${message.id}`} name="text" defaultValue={message.text} lang={language} rows={4} required maxLength={MESSAGE_TEXT_MAX} />
        </div>
        <div className="toolbar">
          <button type="submit" name="intent" value="save">
            {t("saveVersion")}
          </button>
          <button type="submit" name="intent" value="up" className="secondary" disabled={first}>
            {t("moveUp")}
          </button>
          <button type="submit" name="intent" value="down" className="secondary" disabled={last}>
            {t("moveDown")}
          </button>
          {frozen || message.commentCount > 0 ? null : (
            <button type="submit" name="intent" value="delete" className="danger">
              {t("deleteMessage")}
            </button>
          )}
        </div>
      </ActionForm>
      <ActionForm action={actions.splitSection} className="split" label={t("splitAt", { number: message.number })}>
        <input type="hidden" name="messageId" value={message.id} />
        <details>
          <summary>{t("splitAt", { number: message.number })}</summary>
          <div className="field">
            <label htmlFor={`split-${message.id}`}>{t("newSectionHeading")}</label>
            <TypedInput id={`split-${message.id}`} name="heading" lang={language} required maxLength={HEADING_MAX} />
          </div>
          <button type="submit" className="secondary">
            {t("split")}
          </button>
        </details>
      </ActionForm>
    </li>
  );
}
