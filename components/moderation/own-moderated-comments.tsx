import { Link } from "@/components/navigation/link";
import { getLocale, getTranslations } from "next-intl/server";
import { CommentBody } from "@/components/comments/comment-body";
import { ActionForm, TypedTextarea } from "@/components/forms/action-form";
import type { FormAction } from "@/lib/actions/form-state";
import type { Actor } from "@/lib/auth/actor";
import { APPEAL_TEXT_MAX } from "@/lib/moderation/schemas";
import { listOwnModeratedComments } from "@/lib/moderation/own-moderated";
import { formatInstant } from "@/lib/time/format";
import { localeDirection } from "@/lib/i18n/locales";

type OwnModeratedCommentsProps = { actor: Actor; appealAction: FormAction };

/**
 * The account page's list of the person's comments that the moderators hold
 * or hid, with why, and for a hidden one the appeal (once): a form, or the
 * appeal's state and outcome. Nothing shows when there is none.
 */
export async function OwnModeratedComments({ actor, appealAction }: OwnModeratedCommentsProps) {
  const comments = await listOwnModeratedComments(actor);
  if (comments.length === 0) return null;
  const t = await getTranslations("moderationNotices");
  const locale = await getLocale();
  const when = (date: Date) => <time dateTime={date.toISOString()}>{formatInstant(date, locale, "UTC")}</time>;
  return (
    <section id="moderation" aria-labelledby="moderation-heading">
      <h2 id="moderation-heading">{t("account.heading")}</h2>
      <p>{t("account.intro")}</p>
      <ul className="own-moderated">
        {comments.map((comment) => {
          const { slug, title, language } = comment.message.consultation;
          const headingId = `moderated-${comment.id}`;
          return (
            <li key={comment.id}>
              <article aria-labelledby={headingId}>
                <h3 id={headingId}>
                  <Link href={`/consultations/${slug}/messages/${comment.message.number}#comment-${comment.id}`}>
                    <span lang={language} dir={localeDirection(language)}>{title}</span> · {t("account.message", { number: comment.message.number })}
                  </Link>
                </h3>
                <p className="meta">
                  <strong>{comment.status === "HIDDEN" ? t("account.hidden") : t("account.pending")}</strong>
                  {comment.moderatedAt ? <> · {when(comment.moderatedAt)}</> : null}
                </p>
                {comment.moderationReason ? (
                  <p>
                    {t("account.reason")}: {t(`reasons.${comment.moderationReason}`)}
                    {comment.moderationNote ? <> — <bdi>{comment.moderationNote}</bdi></> : null}
                  </p>
                ) : null}
                <CommentBody text={comment.body} language={comment.language} />
                {comment.status === "HIDDEN" ? (
                  // Present (empty) before the appeal is sent, so that the state it then shows is announced in place of the form.
                  <p role="status">
                    {comment.appeal ? (
                      <>
                        {comment.appeal.outcome
                          ? t(comment.appeal.outcome === "REVERSED" ? "account.appealReversed" : "account.appealUpheld")
                          : t("account.appealWaiting")}
                        {comment.appeal.decisionNote ? <> — <bdi>{comment.appeal.decisionNote}</bdi></> : null}
                      </>
                    ) : null}
                  </p>
                ) : null}
                {comment.canAppeal ? (
                  <ActionForm action={appealAction} label={t("account.appealLabel")} disclosure={{ summary: t("account.appeal"), className: "appeal" }}>
                    <input type="hidden" name="commentId" value={comment.id} />
                    <div className="field">
                      <label htmlFor={`appeal-${comment.id}`}>{t("account.appealText")}</label>
                      <p className="hint" id={`appeal-${comment.id}-hint`}>
                        {t("account.appealHint")}
                      </p>
                      <TypedTextarea id={`appeal-${comment.id}`} name="text" required maxLength={APPEAL_TEXT_MAX} rows={4} aria-describedby={`appeal-${comment.id}-hint`} />
                    </div>
                    <button type="submit">{t("account.sendAppeal")}</button>
                  </ActionForm>
                ) : null}
              </article>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
