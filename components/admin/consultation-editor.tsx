import { Link } from "@/components/navigation/link";
import { getTranslations } from "next-intl/server";
import { ActionForm, TypedInput, TypedTextarea } from "@/components/forms/action-form";
import type { FormAction } from "@/lib/actions/form-state";
import { FILTER_RESULTS_MAX, filterMessages, firstLine, openSectionIds } from "@/lib/consultations/editor-view";
import type { MessageNode, SectionNode } from "@/lib/consultations/read-tree";
import { HEADING_MAX, INTRODUCTION_MAX, MESSAGE_TEXT_MAX } from "@/lib/consultations/schemas";
import { localeDirection } from "@/lib/i18n/locales";

/** The secretariat's editing actions, handed down to each section's and message's forms. */
export type EditorActions = { updateSection: FormAction; arrangeSection: FormAction; addMessage: FormAction; editMessage: FormAction; splitSection: FormAction };

/** What the address asks the editor to show: the message being edited, the section opened, the filter's words. */
export type EditorView = { editId: string | null; sectionId: string | null; query: string };

type EditorProps = { actions: EditorActions; language: string; sections: SectionNode[]; frozen: boolean; path: string; view: EditorView };

type Context = Omit<EditorProps, "sections" | "view"> & { editId: string | null; open: Set<string>; href: (params: Partial<EditorView>, hash?: string) => string };

/**
 * Sections as disclosures, closed but for the one asked for; each message as
 * its number and first line until it is opened for editing, one at a time
 * (?edit=); jump links and a filter (?q=). Everything is a link or a plain
 * form, so it works without JavaScript.
 */
export async function ConsultationEditor({ actions, language, sections, frozen, path, view }: EditorProps) {
  const t = await getTranslations("admin");
  const href = (params: Partial<EditorView>, hash?: string) => {
    const query = new URLSearchParams();
    const next = { query: view.query, ...params };
    if (next.query) query.set("q", next.query);
    if (next.sectionId) query.set("section", next.sectionId);
    if (next.editId) query.set("edit", next.editId);
    const search = query.toString();
    return `${path}${search ? `?${search}` : ""}${hash ? `#${hash}` : ""}`;
  };
  const open = openSectionIds(sections, { messageId: view.editId, sectionId: view.sectionId });
  const context: Context = { actions, language, frozen, path, editId: view.editId, open, href };
  const found = view.query ? filterMessages(sections, view.query) : null;
  return (
    <section aria-labelledby="structure-heading" className="structure-editor">
      <h2 id="structure-heading">{t("structureHeading")}</h2>
      <p className="hint">{frozen ? t("numbersFrozen") : t("numbersFollow")}</p>
      <form role="search" method="get" action={path} className="editor-filter" aria-label={t("filterLabel")}>
        <div className="field">
          <label htmlFor="editor-filter">{t("filterField")}</label>
          <p className="hint" id="editor-filter-hint">
            {t("filterHint")}
          </p>
          <div className="toolbar">
            <input id="editor-filter" type="search" name="q" defaultValue={view.query} aria-describedby="editor-filter-hint" maxLength={200} />
            <button type="submit" className="secondary">
              {t("filterButton")}
            </button>
          </div>
        </div>
      </form>
      {found ? (
        <section aria-labelledby="filter-results-heading" className="filter-results">
          <h3 id="filter-results-heading">{t("filterResults", { count: found.length, query: view.query })}</h3>
          {found.length > 0 ? (
            <ul className="editor-messages">
              {found.slice(0, FILTER_RESULTS_MAX).map(({ message }) => (
                <MessageLine key={message.id} message={message} context={context} />
              ))}
            </ul>
          ) : null}
          {found.length > FILTER_RESULTS_MAX ? <p className="hint">{t("filterMore", { shown: FILTER_RESULTS_MAX })}</p> : null}
          <p>
            <Link href={href({ query: "" })}>{t("filterClear")}</Link>
          </p>
        </section>
      ) : null}
      <nav aria-labelledby="jump-links-heading" className="jump-links">
        <h3 id="jump-links-heading">{t("jumpLabel")}</h3>
        <ul>
          {sections.map((section) => (
            <li key={section.id}>
              <Link href={href({ sectionId: section.id }, `section-${section.id}`)} title={section.heading}>
                {section.number}
                <span className="visually-hidden" lang={language} dir={localeDirection(language)}>
                  {" "}
                  {section.heading}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <SectionEditors sections={sections} context={context} />
    </section>
  );
}

async function SectionEditors({ sections, context }: { sections: SectionNode[]; context: Context }) {
  const t = await getTranslations("admin");
  const { actions, language, open } = context;
  return (
    <ol className="editor-sections">
      {sections.map((section, index) => (
        <li key={section.id} className="editor-section">
          <details id={`section-${section.id}`} open={open.has(section.id) || undefined}>
            <summary>
              <span className="section-number">{section.number}</span> <span lang={language} dir={localeDirection(language)}>{section.heading}</span>{" "}
              <span className="hint">{t("sectionCounts", { messages: section.messages.length, sections: section.sections.length })}</span>
            </summary>
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
            <ActionForm
              action={actions.updateSection}
              label={t("sectionLabel", { number: section.number })}
              disclosure={{ summary: t("editSection", { number: section.number }), className: "editor-disclosure" }}
            >
              <input type="hidden" name="sectionId" value={section.id} />
              <div className="field">
                <label htmlFor={`heading-${section.id}`}>{t("headingOf", { number: section.number })}</label>
                <TypedInput id={`heading-${section.id}`} name="heading" defaultValue={section.heading} lang={language} dir={localeDirection(language)} required maxLength={HEADING_MAX} />
              </div>
              <div className="field">
                <label htmlFor={`intro-${section.id}`}>{t("introductionOf", { number: section.number })}</label>
                <TypedTextarea id={`intro-${section.id}`} name="introduction" defaultValue={section.introduction} lang={language} dir={localeDirection(language)} rows={2} maxLength={INTRODUCTION_MAX} />
              </div>
              <button type="submit">{t("saveSection")}</button>
            </ActionForm>
            {section.messages.length > 0 ? (
              <ol className="editor-messages">
                {section.messages.map((message, messageIndex) => (
                  <MessageLine
                    key={message.id}
                    message={message}
                    context={context}
                    place={{ sectionId: section.id, first: messageIndex === 0, last: messageIndex === section.messages.length - 1 }}
                  />
                ))}
              </ol>
            ) : null}
            <ActionForm
              action={actions.addMessage}
              label={t("addMessageTo", { number: section.number })}
              disclosure={{ summary: t("addMessageTo", { number: section.number }), className: "editor-disclosure" }}
            >
              <input type="hidden" name="sectionId" value={section.id} />
              <div className="field">
                <label htmlFor={`add-${section.id}`}>{t("newMessageText")}</label>
                <TypedTextarea id={`add-${section.id}`} name="text" lang={language} dir={localeDirection(language)} rows={2} required maxLength={MESSAGE_TEXT_MAX} />
              </div>
              <button type="submit" className="secondary">
                {t("addMessage")}
              </button>
            </ActionForm>
            {section.sections.length > 0 ? <SectionEditors sections={section.sections} context={context} /> : null}
          </details>
        </li>
      ))}
    </ol>
  );
}

/** Where a message stands in its section; a message listed by the filter has none there and is never edited in the list. */
type Place = { sectionId: string; first: boolean; last: boolean };
type MessageLineProps = { message: MessageNode; context: Context; place?: Place };

/** A message as its number and first line with an "Edit" link, or, when it is the one being edited, its forms. */
async function MessageLine({ message, context, place }: MessageLineProps) {
  const t = await getTranslations("admin");
  const { language, editId, href } = context;
  const editing = place !== undefined && message.id === editId;
  return (
    <li className="editor-message" id={place ? `message-${message.id}` : undefined}>
      <p className="message-line">
        <strong>{message.number}</strong> <span lang={language} dir={localeDirection(language)}>{firstLine(message.text)}</span>{" "}
        {editing ? null : (
          <Link href={href({ editId: message.id, sectionId: null }, `message-${message.id}`)} className="edit-link">
            {t("edit")}
            <span className="visually-hidden"> {t("messageLabel", { number: message.number })}</span>
          </Link>
        )}
      </p>
      {editing ? <MessageForms message={message} context={context} place={place} /> : null}
    </li>
  );
}

async function MessageForms({ message, context, place }: { message: MessageNode; context: Context; place: Place }) {
  const t = await getTranslations("admin");
  const { first, last } = place;
  const { actions, language, frozen, href } = context;
  return (
    <div className="message-editor">
      <ActionForm action={actions.editMessage} label={t("messageLabel", { number: message.number })}>
        <input type="hidden" name="messageId" value={message.id} />
        <input type="hidden" name="id" value={message.id} />
        <div className="field">
          <label htmlFor={`text-${message.id}`}>
            {t("textOf", { number: message.number })} <span className="hint">({t("versionShort", { number: message.versionNumber })})</span>
          </label>
          <TypedTextarea id={`text-${message.id}`} name="text" defaultValue={message.text} lang={language} dir={localeDirection(language)} rows={6} required maxLength={MESSAGE_TEXT_MAX} />
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
      <ActionForm
        action={actions.splitSection}
        className="split"
        label={t("splitAt", { number: message.number })}
        disclosure={{ summary: t("splitAt", { number: message.number }), className: "editor-disclosure" }}
      >
        <input type="hidden" name="messageId" value={message.id} />
        <div className="field">
          <label htmlFor={`split-${message.id}`}>{t("newSectionHeading")}</label>
          <TypedInput id={`split-${message.id}`} name="heading" lang={language} dir={localeDirection(language)} required maxLength={HEADING_MAX} />
        </div>
        <button type="submit" className="secondary">
          {t("split")}
        </button>
      </ActionForm>
      <p>
        <Link href={href({ editId: null, sectionId: place.sectionId }, `message-${message.id}`)}>{t("closeEditor", { number: message.number })}</Link>
      </p>
    </div>
  );
}
