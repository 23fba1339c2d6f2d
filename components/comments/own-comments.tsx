import { Link } from "@/components/navigation/link";
import { getLocale, getTranslations } from "next-intl/server";
import { CommentBody } from "@/components/comments/comment-body";
import { Pagination } from "@/components/navigation/pagination";
import type { Actor } from "@/lib/auth/actor";
import { listOwnComments } from "@/lib/comments/own-comments";
import { formatInstant, labelGap } from "@/lib/time/format";
import { localeDirection } from "@/lib/i18n/locales";

type OwnCommentsProps = { actor: Actor; page: number; pageHref: (page: number) => string };

/**
 * The account page's "Your comments": everything the person wrote, newest
 * first, a page at a time, and once an outcome is published how each comment
 * was handled. Held and hidden comments point to the moderation list above,
 * which says why and takes an appeal.
 */
export async function OwnComments({ actor, page: requestedPage, pageHref }: OwnCommentsProps) {
  const { comments, page, pageCount } = await listOwnComments(actor, requestedPage);
  const t = await getTranslations("outcome");
  const locale = await getLocale();
  return (
    <section id="your-comments" aria-labelledby="your-comments-heading">
      <h2 id="your-comments-heading">{t("own.heading")}</h2>
      {comments.length === 0 ? (
        <p>{t("own.none")}</p>
      ) : (
        <>
          <p>{t("own.intro")}</p>
          <ol className="own-comments" role="list">
            {comments.map((comment) => {
              const { slug, title, language, referenceTimeZone } = comment.message.consultation;
              const number = comment.message.number;
              const headingId = `own-comment-${comment.id}`;
              const moderated = comment.status === "HIDDEN" || comment.status === "PENDING";
              return (
                <li key={comment.id}>
                  <article aria-labelledby={headingId}>
                    <h3 id={headingId}>
                      <Link href={`/consultations/${slug}/messages/${number}#comment-${comment.id}`}>
                        <span lang={language} dir={localeDirection(language)}>{title}</span> · {t("own.message", { number })}
                      </Link>
                    </h3>
                    <p className="meta">
                      {comment.parentId ? <>{t("own.reply")} · </> : null}
                      <strong>{t(`own.status.${comment.status}`)}</strong> · {t("own.written")}{" "}
                      <time dateTime={comment.createdAt.toISOString()}>{formatInstant(comment.createdAt, locale, referenceTimeZone)}</time>
                    </p>
                    {moderated ? (
                      <p>
                        <a href="#moderation">{t("own.moderatedSee")}</a>
                      </p>
                    ) : (
                      <CommentBody text={comment.body} language={comment.language} />
                    )}
                    {comment.inOutcome ? (
                      <div className="own-outcome">
                        {comment.disposition ? (
                          <p>
                            <strong>{t("own.handled")}</strong>
                            {labelGap(t("own.handled"))}
                            {t(`dispositions.${comment.disposition.outcome}`)}
                            {comment.disposition.rationale ? (
                              <>
                                {" — "}
                                <span lang={language} dir={localeDirection(language)}>{comment.disposition.rationale}</span>
                              </>
                            ) : null}
                          </p>
                        ) : (
                          <p>{t("own.notAnswered")}</p>
                        )}
                        <p>
                          <Link href={`/consultations/${slug}/outcome#message-${number}`}>{t("own.seeOutcome", { number })}</Link>
                        </p>
                      </div>
                    ) : comment.status === "PUBLISHED" && comment.parentId === null && !comment.outcomePublished ? (
                      <p className="meta">{t("own.awaiting")}</p>
                    ) : null}
                  </article>
                </li>
              );
            })}
          </ol>
          <Pagination page={page} pageCount={pageCount} href={pageHref} label={t("own.pages")} />
        </>
      )}
    </section>
  );
}
