import { getLocale, getTranslations } from "next-intl/server";
import { ActionForm, TypedTextarea } from "@/components/forms/action-form";
import type { FormAction } from "@/lib/actions/form-state";
import type { CommentView } from "@/lib/comments/message-discussion";
import { keptReplyKey } from "@/lib/comments/kept-text";
import { COMMENT_BODY_MAX } from "@/lib/comments/limits";
import { languageName } from "@/lib/i18n/language-name";
import { localeDirection } from "@/lib/i18n/locales";
import { languageQuery } from "@/lib/translations/read-translations";
import { countryName } from "@/lib/profiles/countries";
import { formatInstant } from "@/lib/time/format";
import { CommentBody } from "./comment-body";
import { CommentForm } from "./comment-form";
import { HiddenPlaceholder } from "./hidden-placeholder";
import { ReportForm } from "./report-form";

/** The message page's server actions, handed down to the forms that post to them. */
export type CommentActions = { create: FormAction; edit: FormAction; withdraw: FormAction; agree: FormAction; flag: FormAction };

type ThreadProps = {
  comment: CommentView;
  /**
   * What the viewer may do here (the server checks again on every write):
   * `write` when the page carries their forms, `open` while the consultation
   * takes writes. Just after the deadline the forms stay in the page, shown
   * only to give back a submission it refused (see carriesCommentForms).
   * `report`: a signed-in participant, who may report others' comments to the
   * moderators whatever the consultation's state.
   */
  can: { write: boolean; open: boolean; report: boolean };
  messageId: string;
  actions: CommentActions;
  referenceTimeZone: string;
  /** The viewer's own writing language, for their replies. */
  writingLanguage?: string | null;
  /**
   * Set when the document has translations: each comment then says the
   * language it is written in and the text it was made on (`original`:
   * the original's language); `translation`: the one this page shows, which
   * the replies written here are made on.
   */
  languages?: { original: string; translation: string | null; path: string } | null;
  newKey: () => string;
};

export async function CommentThread(props: ThreadProps) {
  const t = await getTranslations("comments");
  const { comment, can, messageId, actions, newKey } = props;
  return (
    <li className="thread">
      <CommentArticle {...props} />
      {comment.replies.length > 0 ? (
        <ol className="replies" aria-label={t("repliesTo", { name: comment.author.name })}>
          {comment.replies.map((reply) => (
            <li key={reply.id}>
              <CommentArticle {...props} comment={reply} />
            </li>
          ))}
        </ol>
      ) : null}
      {can.write && comment.status === "PUBLISHED" ? (
        <CommentForm
          mode="reply"
          messageId={messageId}
          parentId={comment.id}
          action={actions.create}
          idempotencyKey={newKey()}
          storageKey={keptReplyKey(comment.id)}
          writingLanguage={props.writingLanguage}
          translation={props.languages?.translation ?? undefined}
          disclosure={{ summary: t("reply"), className: "reply" }}
          onlyWhenRefused={!can.open}
        />
      ) : null}
    </li>
  );
}

async function CommentArticle({ comment, can, actions, referenceTimeZone, languages }: ThreadProps) {
  const t = await getTranslations("comments");
  const groups = await getTranslations("stakeholder");
  const locale = await getLocale();
  const headingId = `comment-${comment.id}-by`;
  // The quote is in the language of the text it was made on (known here when the document has translations).
  const quoteLanguage = comment.madeOn ?? languages?.original;
  const madeOn = quoteLanguage ?? "";
  const elsewhere = languages && comment.madeOn !== languages.translation ? languages : null;
  return (
    // tabIndex -1: a comment just sent takes the focus.
    <article id={`comment-${comment.id}`} className={`comment status-${comment.status.toLowerCase()}`} aria-labelledby={headingId} tabIndex={-1}>
      <header>
        {/* <bdi>: a right-to-left name keeps its own direction and cannot reorder the text around it. */}
        <p id={headingId} className="comment-author">
          <strong>
            <bdi>{comment.author.name}</bdi>
          </strong>
          {comment.author.organisation ? (
            <>
              , <bdi>{comment.author.organisation}</bdi>
            </>
          ) : null}
          {comment.author.secretariat ? <> <span className="badge">{t("secretariat")}</span></> : null}
        </p>
        <p className="meta">
          {/* An intergovernmental organisation is both a group and a region: named once. */}
          {[...new Set([groups(`groups.${comment.author.stakeholderGroup}`), groups(`regions.${comment.author.region}`)])].join(" · ")} ·{" "}
          {countryName(comment.author.country, locale)} ·{" "}
          <time dateTime={comment.createdAt.toISOString()}>{formatInstant(comment.createdAt, locale, referenceTimeZone)}</time>
          {comment.editedAt ? <> · {t("edited")}</> : null}
          {languages ? (
            <>
              {" · "}
              {comment.language
                ? t("madeOnIn", { language: languageName(comment.language, locale), text: languageName(madeOn, locale), kind: comment.madeOn ? "translation" : "original" })
                : t("madeOn", { text: languageName(madeOn, locale), kind: comment.madeOn ? "translation" : "original" })}
            </>
          ) : null}
          {/* Only its author sees a comment held for review (the body is null for anyone else). */}
          {comment.status === "PENDING" ? <> · <strong className="pending-note">{t("awaitingApproval")}</strong></> : null}
        </p>
      </header>
      {comment.quote ? (
        <blockquote className="quote">
          {elsewhere ? (
            // A passage of another language's text: its highlight is on that text's page.
            <a href={`${elsewhere.path}${languageQuery(comment.madeOn)}#note-${comment.id}`} className="meta">
              {t("onPassageIn", { text: languageName(madeOn, locale), kind: comment.madeOn ? "translation" : "original" })}
            </a>
          ) : comment.quote.anchor.status === "ORPHANED" ? (
            <p className="meta">{t("textChanged")}</p>
          ) : (
            <a href={`#note-${comment.id}`} className="meta">
              {comment.quote.anchor.status === "FUZZY" ? t("onPassageMoved") : t("onPassage")}
            </a>
          )}
          <p lang={quoteLanguage} dir={quoteLanguage ? localeDirection(quoteLanguage) : undefined}>
            {comment.quote.exact}
          </p>
        </blockquote>
      ) : null}
      {comment.body !== null ? (
        <CommentBody text={comment.body} language={comment.language} />
      ) : comment.moderation ? (
        <HiddenPlaceholder moderation={comment.moderation} timeZone={referenceTimeZone} />
      ) : (
        <p className="placeholder">{comment.status === "WITHDRAWN" ? t("withdrawnPlaceholder") : t("hiddenPlaceholder")}</p>
      )}
      {comment.status === "PUBLISHED" ? (
        <div className="comment-actions">
          <p className="meta">{t("agreements", { count: comment.agreementCount })}</p>
          {can.write && !comment.mine ? (
            <ActionForm action={actions.agree} className="inline-form" onlyWhenRefused={!can.open}>
              <input type="hidden" name="commentId" value={comment.id} />
              <button type="submit" name="intent" value={comment.agreedByViewer ? "undo" : "agree"} className="secondary" aria-pressed={comment.agreedByViewer}>
                {comment.agreedByViewer ? t("agreed") : t("agree")}
              </button>
            </ActionForm>
          ) : null}
        </div>
      ) : null}
      {comment.status === "PUBLISHED" && can.report && !comment.mine ? <ReportForm commentId={comment.id} action={actions.flag} /> : null}
      {comment.status === "PUBLISHED" && can.write && comment.mine ? (
        // Below the comment, not in its action row: an opened form takes the comment's whole width.
        <div className="comment-changes">
          <ActionForm action={actions.edit} label={t("editLabel")} disclosure={{ summary: t("edit"), className: "edit" }} onlyWhenRefused={!can.open}>
            <input type="hidden" name="commentId" value={comment.id} />
            <div className="field">
              <label htmlFor={`edit-${comment.id}`}>{t("newText")}</label>
              <TypedTextarea id={`edit-${comment.id}`} name="body" defaultValue={comment.body ?? ""} required maxLength={COMMENT_BODY_MAX} rows={5} />
            </div>
            <button type="submit">{t("saveEdit")}</button>
          </ActionForm>
          <ActionForm action={actions.withdraw} label={t("withdrawLabel")} disclosure={{ summary: t("withdraw"), className: "withdraw" }} onlyWhenRefused={!can.open}>
            <input type="hidden" name="commentId" value={comment.id} />
            <p>{t("withdrawExplain")}</p>
            <button type="submit" className="danger">
              {t("withdrawConfirm")}
            </button>
          </ActionForm>
        </div>
      ) : null}
    </article>
  );
}
