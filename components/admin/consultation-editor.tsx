import { getTranslations } from "next-intl/server";
import {
  addMessageAction,
  editMessageAction,
  sectionStructureAction,
  splitSectionAction,
  updateSectionAction,
} from "@/app/admin/consultations/[slug]/actions";
import { ActionForm, TypedInput, TypedTextarea } from "@/components/forms/action-form";
import type { MessageNode, SectionNode } from "@/lib/consultations/read-tree";
import { HEADING_MAX, INTRODUCTION_MAX, MESSAGE_TEXT_MAX } from "@/lib/consultations/schemas";

type EditorProps = { slug: string; language: string; sections: SectionNode[]; frozen: boolean };

/** Every section and message with its own small forms; works without JavaScript. */
export async function ConsultationEditor({ slug, language, sections, frozen }: EditorProps) {
  const t = await getTranslations("admin");
  return (
    <section aria-labelledby="structure-heading">
      <h2 id="structure-heading">{t("structureHeading")}</h2>
      <p className="hint">{frozen ? t("numbersFrozen") : t("numbersFollow")}</p>
      <SectionEditors slug={slug} language={language} sections={sections} frozen={frozen} />
    </section>
  );
}

async function SectionEditors({ slug, language, sections, frozen }: EditorProps) {
  const t = await getTranslations("admin");
  return (
    <ol className="editor-sections">
      {sections.map((section, index) => (
        <li key={section.id} className="editor-section">
          <ActionForm action={updateSectionAction} label={t("sectionLabel", { number: section.number })}>
            <input type="hidden" name="slug" value={slug} />
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
          <ActionForm action={sectionStructureAction} className="toolbar" label={t("arrangeSection", { number: section.number })}>
            <input type="hidden" name="slug" value={slug} />
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
                slug={slug}
                language={language}
                message={message}
                first={messageIndex === 0}
                last={messageIndex === section.messages.length - 1}
                frozen={frozen}
              />
            ))}
          </ol>
          <ActionForm action={addMessageAction} label={t("addMessageTo", { number: section.number })}>
            <input type="hidden" name="slug" value={slug} />
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
            <SectionEditors slug={slug} language={language} sections={section.sections} frozen={frozen} />
          ) : null}
        </li>
      ))}
    </ol>
  );
}

type MessageEditorProps = { slug: string; language: string; message: MessageNode; first: boolean; last: boolean; frozen: boolean };

async function MessageEditor({ slug, language, message, first, last, frozen }: MessageEditorProps) {
  const t = await getTranslations("admin");
  return (
    <li className="editor-message" id={`edit-${message.number}`}>
      <ActionForm action={editMessageAction} label={t("messageLabel", { number: message.number })}>
        <input type="hidden" name="slug" value={slug} />
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
      <ActionForm action={splitSectionAction} className="split" label={t("splitAt", { number: message.number })}>
        <input type="hidden" name="slug" value={slug} />
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
