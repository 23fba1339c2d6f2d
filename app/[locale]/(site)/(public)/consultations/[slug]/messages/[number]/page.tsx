import { randomUUID } from "node:crypto";
import { cache } from "react";
import type { Metadata } from "next";
import { Link } from "@/components/navigation/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { CommentForm } from "@/components/comments/comment-form";
import { CommentThread, type CommentActions } from "@/components/comments/comment-thread";
import { HighlightedText, HighlightNotes } from "@/components/comments/highlighted-text";
import { KeptDrafts } from "@/components/comments/kept-drafts";
import { PassagePicker } from "@/components/comments/passage-picker";
import { ParticipationNotice } from "@/components/comments/participation-notice";
import { ConsultationHeader } from "@/components/consultations/consultation-header";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Pagination } from "@/components/navigation/pagination";
import { getActor } from "@/lib/auth/session";
import { getMessageDiscussion, THREAD_ORDERS, threadOrder } from "@/lib/comments/message-discussion";
import { getMessage } from "@/lib/consultations/get-consultation";
import { versionNamed } from "@/lib/consultations/public-history";
import { carriesCommentForms } from "@/lib/consultations/state";
import { pageParam } from "@/lib/http/pagination";
import { formatInstant } from "@/lib/time/format";
import { agreementAction, createCommentAction, editCommentAction, flagCommentAction, withdrawCommentAction } from "./actions";


/** Metadata and page share one read per request. */
const load = cache(getMessage);

const commentActions: CommentActions = { create: createCommentAction, edit: editCommentAction, withdraw: withdrawCommentAction, agree: agreementAction, flag: flagCommentAction };
type MessagePageProps = { params: Promise<{ slug: string; number: string }>; searchParams: Promise<{ page?: string | string[]; order?: string | string[]; version?: string | string[] }> };

export async function generateMetadata({ params, searchParams }: MessagePageProps): Promise<Metadata> {
  const { slug, number } = await params;
  const found = await load(await getActor(), slug, number);
  if (!found) return {};
  const t = await getTranslations("consultation");
  const a = await getTranslations("annotationSource");
  const shown = versionNamed(found.message.versions, (await searchParams).version);
  const message = t("messageNumber", { number: found.message.number });
  const earlier = shown && shown !== found.message.versions.at(-1);
  return { title: `${earlier ? a("versionTitle", { message, number: shown.number }) : message} · ${found.consultation.title}` };
}

export default async function MessagePage({ params, searchParams }: MessagePageProps) {
  // Next.js has already decoded the segment.
  const { slug, number } = await params;
  const actor = await getActor();
  const found = await load(actor, slug, number);
  if (!found) notFound();
  const { consultation, message, place } = found;
  const current = message.versions.at(-1);
  if (!current) notFound();
  const query = await searchParams;
  // ?version=N shows that version's text with its own highlights (the annotations' targets name it); the current one carries the comments.
  const shown = versionNamed(message.versions, query.version);
  if (!shown) notFound();
  const isEarlier = shown.id !== current.id;
  const discussion = await getMessageDiscussion(actor, message.id, shown.id, {
    page: pageParam(query.page),
    order: threadOrder(query.order),
    versionText: shown.text,
    versionNumber: shown.number,
  });
  const t = await getTranslations("consultation");
  const c = await getTranslations("comments");
  const a = await getTranslations("annotationSource");
  const o = await getTranslations("outcome");
  const locale = await getLocale();
  const path = `/consultations/${slug}/messages/${message.number}`;
  const earlier = message.versions.slice(0, -1).reverse();
  const can = {
    write: !isEarlier && Boolean(actor?.hasProfile && !actor.suspended) && carriesCommentForms(consultation),
    open: consultation.state === "OPEN",
    report: Boolean(actor?.hasProfile && !actor.suspended),
  };
  const pageHref = (page: number, order = discussion.order) => {
    const query = new URLSearchParams({ ...(order === "oldest" ? {} : { order }), ...(page === 1 ? {} : { page: String(page) }) }).toString();
    return query ? `${path}?${query}` : path;
  };

  return (
    <article>
      <ConsultationHeader consultation={consultation}>
        <h1>{t("messageNumber", { number: message.number })}</h1>
      </ConsultationHeader>
      <p className="eyebrow">
        <Link href={`/consultations/${slug}#section-${message.section.number}`}>
          {message.section.number} <span lang={consultation.language}>{message.section.heading}</span>
        </Link>
      </p>
      {consultation.state === "FINAL" ? (
        <p className="notice outcome-notice">
          <Link href={`/consultations/${encodeURIComponent(slug)}/outcome#message-${message.number}`}>{o("messageInOutcome", { number: message.number })}</Link>
        </p>
      ) : null}
      <nav aria-label={t("sequence")} className="message-sequence">
        <p>{t("position", { position: place.position, total: place.total })}</p>
        <ul>
          {place.previous !== null ? (
            <li>
              <Link rel="prev" href={`/consultations/${slug}/messages/${place.previous}`}>
                <span aria-hidden="true">← </span>
                {t("previousMessage", { number: place.previous })}
              </Link>
            </li>
          ) : null}
          {place.next !== null ? (
            <li>
              <Link rel="next" href={`/consultations/${slug}/messages/${place.next}`}>
                {t("nextMessage", { number: place.next })}
                <span aria-hidden="true"> →</span>
              </Link>
            </li>
          ) : null}
        </ul>
      </nav>
      {/* One catalogue for the client components from the text down to the comments. */}
      <ClientMessages namespaces={["comments"]}>
        {isEarlier ? (
          <div className="notice" role="note">
            <p>{a("earlierVersion", { number: shown.number, date: formatInstant(shown.createdAt, locale, consultation.referenceTimeZone) })}</p>
            <p>
              <Link href={path}>{a("readCurrent", { number: current.number })}</Link>
            </p>
          </div>
        ) : null}
        <PassagePicker text={shown.text} language={consultation.language} enabled={can.write && can.open}>
          <HighlightedText text={shown.text} language={consultation.language} highlights={discussion.highlights} />
        </PassagePicker>
        <HighlightNotes
          text={shown.text}
          language={consultation.language}
          highlights={discussion.highlights}
          // The threads are on the current version's page.
          threadHref={(highlight) => `${!isEarlier && highlight.page === discussion.page ? "" : pageHref(highlight.page)}#comment-${highlight.id}`}
        />
        <p className="meta">
          {t("versionOf", { number: shown.number, date: formatInstant(shown.createdAt, locale, consultation.referenceTimeZone) })}
          {discussion.highlights.length > 0 ? <> · {c("passagesAnnotated", { count: discussion.highlights.length })}</> : null}
        </p>
        {!isEarlier && earlier.length > 0 ? (
          <section aria-labelledby="versions-heading">
            <h2 id="versions-heading">{t("earlierVersions")}</h2>
            {earlier.map((version) => (
              <details key={version.id}>
                <summary>{t("versionOf", { number: version.number, date: formatInstant(version.createdAt, locale, consultation.referenceTimeZone) })}</summary>
                <p className="message-text" lang={consultation.language}>
                  {version.text}
                </p>
                <p>
                  <Link href={`${path}?version=${version.number}`}>{a("readVersion", { number: version.number })}</Link>
                </p>
              </details>
            ))}
          </section>
        ) : null}

        {isEarlier ? null : (
          <section id="comments" aria-labelledby="comments-heading">
            <h2 id="comments-heading">{t("commentCount", { count: message._count.comments })}</h2>
            <ParticipationNotice actor={actor} consultation={consultation} returnTo={path} />
            {discussion.threadCount > 1 ? (
              <nav aria-label={c("order")} className="thread-order">
                <ul>
                  {THREAD_ORDERS.map((order) => (
                    <li key={order}>
                      <Link href={`${pageHref(1, order)}#comments`} aria-current={order === discussion.order ? "true" : undefined}>
                        {c(`orders.${order}`)}
                      </Link>
                    </li>
                  ))}
                </ul>
              </nav>
            ) : null}
            {can.write ? (
              <CommentForm
                mode="comment"
                messageId={message.id}
                language={consultation.language}
                action={commentActions.create}
                idempotencyKey={randomUUID()}
                storageKey={`consult:comment:${message.id}`}
                onlyWhenRefused={!can.open}
              />
            ) : null}
            {consultation.state === "CLOSED" || consultation.state === "FINAL" ? (
              <KeptDrafts
                closedAt={formatInstant(consultation.closesAt ?? current.createdAt, locale, consultation.referenceTimeZone)}
                places={[
                  { storageKey: `consult:comment:${message.id}`, label: c("keptComment", { number: message.number }) },
                  ...discussion.threads.map((thread) => ({ storageKey: `consult:reply:${thread.id}`, label: c("keptReply", { name: thread.author.name }) })),
                ]}
              />
            ) : null}
            <ol className="threads">
              {discussion.threads.map((comment) => (
                <CommentThread
                  key={comment.id}
                  comment={comment}
                  can={can}
                  messageId={message.id}
                  actions={commentActions}
                  referenceTimeZone={consultation.referenceTimeZone}
                  newKey={randomUUID}
                />
              ))}
            </ol>
            <Pagination page={discussion.page} pageCount={discussion.pageCount} href={pageHref} label={c("pages")} />
          </section>
        )}
      </ClientMessages>
      <p>
        <Link href={`/consultations/${slug}#message-${message.number}`}>{t("backToDocument")}</Link>
      </p>
    </article>
  );
}
