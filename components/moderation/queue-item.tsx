import { Link } from "@/components/navigation/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ActionForm, TypedRadio, TypedSelect, TypedTextarea } from "@/components/forms/action-form";
import type { FormAction } from "@/lib/actions/form-state";
import type { moderationQueue } from "@/lib/moderation/queue";
import { FLAG_REASONS, MODERATION_NOTE_MAX } from "@/lib/moderation/schemas";
import { textLanguage } from "@/lib/i18n/locales";
import { formatInstant } from "@/lib/time/format";

/** The queue page's server actions, handed down to each item's forms. */
export type QueueActions = { approve: FormAction; hide: FormAction; restore: FormAction; suspension: FormAction; appeal: FormAction; bulk: FormAction };

export type QueueItemView = Awaited<ReturnType<typeof moderationQueue>>["items"][number];

type QueueItemProps = { item: QueueItemView; actions: QueueActions; bulkFormId: string };

/** One comment waiting for a moderator: what it says and answers, why it is here, who wrote it, and the decisions. */
export async function QueueItem({ item, actions, bulkFormId }: QueueItemProps) {
  const t = await getTranslations("moderation.queue");
  const m = await getTranslations("moderation");
  const locale = await getLocale();
  const { comment, author } = item;
  const at = (date: Date) => formatInstant(date, locale, "UTC");
  const id = (suffix: string) => `q-${comment.id}-${suffix}`;
  const headingId = id("heading");
  const hiddenByModerator = comment.status === "HIDDEN" && comment.moderationNote !== null;
  const state = comment.status === "HIDDEN" ? (hiddenByModerator ? "hidden" : "autoHidden") : comment.status === "PENDING" ? "pending" : "published";
  const messageHref = `/consultations/${comment.message.consultation.slug}/messages/${comment.message.number}#comment-${comment.id}`;
  const appeal = comment.appeals[0];
  return (
    <li>
      <article className="queue-item" aria-labelledby={headingId}>
        <header>
          <div className="choice">
            <input type="checkbox" id={id("select")} name="commentIds" value={comment.id} form={bulkFormId} />
            <label htmlFor={id("select")}>{t("select", { name: author.name })}</label>
          </div>
          <h3 id={headingId}>
            {t("itemHeading", { name: author.name })}{" "}
            <Link href={messageHref}>{t("onMessage", { number: comment.message.number, consultation: comment.message.consultation.title })}</Link>
          </h3>
          <p className="meta">
            {t(`states.${state}`)} · {t("since", { time: at(item.since) })}
            {comment.status === "HIDDEN" && comment.moderationReason ? <> · {m(`reasons.${comment.moderationReason}`)}</> : null}
          </p>
        </header>
        {comment.quoteExact ? (
          <blockquote className="quote">
            <p className="meta">{t("onPassage")}</p>
            <p>{comment.quoteExact}</p>
          </blockquote>
        ) : null}
        <p className="queue-text" {...textLanguage(comment.language)}>{comment.body}</p>

        {comment.flags.length > 0 ? (
          <section aria-label={t("flagsLabel", { count: comment.flags.length })}>
            <h4>{t("flagsLabel", { count: comment.flags.length })}</h4>
            <ul className="flags">
              {comment.flags.map((flag) => (
                <li key={flag.id}>
                  <strong>{m(`reasons.${flag.reason}`)}</strong> · <span className="meta">{at(flag.createdAt)}</span>
                  {flag.note ? <p>{flag.note}</p> : null}
                  {flag.bodySnapshot !== comment.body ? (
                    <details>
                      <summary>{t("textWhenReported")}</summary>
                      <p className="queue-text" {...textLanguage(comment.language)}>{flag.bodySnapshot}</p>
                    </details>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        <p className="meta">
          {t("history", { comments: author.comments, hidden: author.hidden })}
          {author.suspended ? <> · <strong>{t("authorSuspended")}</strong></> : null}
        </p>

        {appeal ? (
          <section aria-labelledby={id("appeal")}>
            <h4 id={id("appeal")}>{t("appealHeading", { time: at(appeal.createdAt) })}</h4>
            <p className="queue-text">{appeal.text}</p>
            <ActionForm action={actions.appeal} label={t("decideAppeal")} disclosure={{ summary: t("decideAppeal"), className: "queue-action" }}>
              <input type="hidden" name="appealId" value={appeal.id} />
              <fieldset>
                <legend>{t("appealOutcome")}</legend>
                {(["UPHELD", "REVERSED"] as const).map((outcome) => (
                  <div className="choice" key={outcome}>
                    <TypedRadio id={id(outcome)} name="outcome" value={outcome} required />
                    <label htmlFor={id(outcome)}>{t(`outcomes.${outcome}`)}</label>
                  </div>
                ))}
              </fieldset>
              <div className="field">
                <label htmlFor={id("appeal-note")}>{t("appealNote")}</label>
                <TypedTextarea id={id("appeal-note")} name="note" required maxLength={MODERATION_NOTE_MAX} rows={3} />
              </div>
              <button type="submit">{t("decideAppealSend")}</button>
            </ActionForm>
          </section>
        ) : null}

        <div className="queue-actions">
          {hiddenByModerator ? null : (
            <ActionForm action={actions.approve} label={t("approveLabel")} className="inline-form">
              <input type="hidden" name="commentId" value={comment.id} />
              <button type="submit" className="secondary">
                {comment.status === "PUBLISHED" ? t("keep") : t("approve")}
              </button>
            </ActionForm>
          )}
          {comment.status === "HIDDEN" ? (
            <ActionForm action={actions.restore} label={t("restoreLabel")} className="inline-form">
              <input type="hidden" name="commentId" value={comment.id} />
              <button type="submit" className="secondary">
                {t("restore")}
              </button>
            </ActionForm>
          ) : null}
        </div>
        {hiddenByModerator ? null : (
          <ActionForm action={actions.hide} label={t("hideLabel")} disclosure={{ summary: t("hide"), className: "queue-action" }}>
            <input type="hidden" name="commentId" value={comment.id} />
            <HideFields idPrefix={id("hide")} />
            <button type="submit" className="danger">
              {t("hideSend")}
            </button>
          </ActionForm>
        )}
        <ActionForm
          action={actions.suspension}
          label={author.suspended ? t("reinstateLabel") : t("suspendLabel")}
          disclosure={{ summary: author.suspended ? t("reinstate") : t("suspend"), className: "queue-action" }}
        >
          <input type="hidden" name="userId" value={author.id} />
          <input type="hidden" name="intent" value={author.suspended ? "reinstate" : "suspend"} />
          <div className="field">
            <label htmlFor={id("suspension-reason")}>{t("suspensionReason")}</label>
            <p className="hint" id={id("suspension-hint")}>
              {author.suspended ? t("reinstateHint") : t("suspendHint")}
            </p>
            <TypedTextarea id={id("suspension-reason")} name="reason" required maxLength={MODERATION_NOTE_MAX} rows={2} aria-describedby={id("suspension-hint")} />
          </div>
          <button type="submit" className={author.suspended ? undefined : "danger"}>
            {author.suspended ? t("reinstateSend") : t("suspendSend")}
          </button>
        </ActionForm>
      </article>
    </li>
  );
}

/** The category and public note a hiding requires (one comment, or many at once). */
export async function HideFields({ idPrefix, optional }: { idPrefix: string; /** For the bulk form, where approving needs neither. */ optional?: boolean }) {
  const t = await getTranslations("moderation.queue");
  const m = await getTranslations("moderation");
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-reason`}>{t("hideReason")}</label>
        <TypedSelect id={`${idPrefix}-reason`} name="reason" required={!optional} defaultValue="">
          <option value="" disabled={!optional}>
            {t("chooseReason")}
          </option>
          {FLAG_REASONS.map((reason) => (
            <option key={reason} value={reason}>
              {m(`reasons.${reason}`)}
            </option>
          ))}
        </TypedSelect>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-note`}>{t("publicNote")}</label>
        <p className="hint" id={`${idPrefix}-note-hint`}>
          {t("publicNoteHint")}
        </p>
        <TypedTextarea id={`${idPrefix}-note`} name="publicNote" required={!optional} maxLength={MODERATION_NOTE_MAX} rows={2} aria-describedby={`${idPrefix}-note-hint`} />
      </div>
    </>
  );
}
