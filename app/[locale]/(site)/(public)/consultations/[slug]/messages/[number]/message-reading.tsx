import { randomUUID } from "node:crypto";
import { getLocale, getTranslations } from "next-intl/server";
import { CommentForm } from "@/components/comments/comment-form";
import { CommentThread, type CommentActions } from "@/components/comments/comment-thread";
import { HighlightedText, HighlightNotes } from "@/components/comments/highlighted-text";
import { KeptDrafts } from "@/components/comments/kept-drafts";
import { PassagePicker } from "@/components/comments/passage-picker";
import { ParticipationNotice } from "@/components/comments/participation-notice";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Link } from "@/components/navigation/link";
import { Pagination } from "@/components/navigation/pagination";
import type { Actor } from "@/lib/auth/actor";
import { KEPT_DRAFTS_ATTRIBUTE, keptCommentKey, keptReplyKey } from "@/lib/comments/kept-text";
import { getMessageDiscussion, THREAD_ORDERS, threadOrder } from "@/lib/comments/message-discussion";
import type { getMessage } from "@/lib/consultations/get-consultation";
import { carriesCommentForms } from "@/lib/consultations/state";
import { pageParam } from "@/lib/http/pagination";
import { formatInstant } from "@/lib/time/format";
import { agreementAction, createCommentAction, editCommentAction, flagCommentAction, withdrawCommentAction } from "./actions";
import { localeDirection } from "@/lib/i18n/locales";
import { isOutOfDate, type MessageLanguages } from "@/lib/translations/read-translations";

const commentActions: CommentActions = { create: createCommentAction, edit: editCommentAction, withdraw: withdrawCommentAction, agree: agreementAction, flag: flagCommentAction };

type Found = NonNullable<Awaited<ReturnType<typeof getMessage>>>;
type Version = Found["message"]["versions"][number];
export type MessageQuery = { page?: string | string[]; order?: string | string[] };

/**
 * A message's text with its highlights, its versions and its discussion, as
 * `actor` reads them: with their forms, their own comments awaiting review
 * and what they agreed with. The cached page renders it for nobody and has
 * it rendered again for a signed-in reader (app/actions/personal/message-reading.tsx).
 */
export async function MessageReading({
  actor,
  found,
  shown,
  query,
  languages,
}: {
  actor: Actor | null;
  found: Found;
  shown: Version;
  query: MessageQuery;
  languages?: MessageLanguages;
}) {
  const { consultation, message } = found;
  const current = message.versions.at(-1)!;
  const isEarlier = shown.id !== current.id;
  // In a translation, the passages are picked and highlighted in its text; the threads are everyone's. An earlier version is the original's.
  const translated = !isEarlier && languages?.translation && languages.text ? { language: languages.translation, ...languages.text } : null;
  const text = translated?.text ?? shown.text;
  const textLanguage = translated?.language ?? consultation.language;
  const discussion = await getMessageDiscussion(actor, message.id, shown.id, {
    page: pageParam(query.page),
    order: threadOrder(query.order),
    versionText: shown.text,
    versionNumber: shown.number,
    translation: translated ? { language: translated.language, textId: translated.id, text: translated.text } : undefined,
  });
  const tr = await getTranslations("translations");
  const t = await getTranslations("consultation");
  const c = await getTranslations("comments");
  const a = await getTranslations("annotationSource");
  const locale = await getLocale();
  const writingLanguage = actor?.writingLanguage ?? null;
  // What this browser may keep of texts never sent on this page, shown once the consultation has closed.
  const keptPlaces = [
    { storageKey: keptCommentKey(message.id, translated?.language), label: c("keptComment", { number: message.number }) },
    ...discussion.threads.map((thread) => ({ storageKey: keptReplyKey(thread.id), label: c("keptReply", { name: thread.author.name }) })),
  ];
  const path = `/consultations/${consultation.slug}/messages/${message.number}`;
  const earlier = message.versions.slice(0, -1).reverse();
  const can = {
    write: !isEarlier && Boolean(actor?.hasProfile && !actor.suspended) && carriesCommentForms(consultation),
    open: consultation.state === "OPEN",
    report: Boolean(actor?.hasProfile && !actor.suspended),
  };
  const pageHref = (page: number, order = discussion.order) => {
    const query = new URLSearchParams({
      ...(languages?.translation ? { language: languages.translation } : {}),
      ...(order === "oldest" ? {} : { order }),
      ...(page === 1 ? {} : { page: String(page) }),
    }).toString();
    return query ? `${path}?${query}` : path;
  };

  return (
    // One catalogue for the client components from the text down to the comments.
    <ClientMessages namespaces={["comments"]}>
      {isEarlier ? (
        <div className="notice" role="note">
          <p>{a("earlierVersion", { number: shown.number, date: formatInstant(shown.createdAt, locale, consultation.referenceTimeZone) })}</p>
          <p>
            <Link href={path}>{a("readCurrent", { number: current.number })}</Link>
          </p>
        </div>
      ) : null}
      {languages?.translation && !languages.text && !isEarlier ? <p className="translation-mark">{tr("untranslated")}</p> : null}
      <PassagePicker text={text} language={textLanguage} enabled={can.write && can.open}>
        <HighlightedText text={text} language={textLanguage} highlights={discussion.highlights} />
      </PassagePicker>
      <HighlightNotes
        text={text}
        language={textLanguage}
        highlights={discussion.highlights}
        // The threads are on the current version's page.
        threadHref={(highlight) => `${!isEarlier && highlight.page === discussion.page ? "" : pageHref(highlight.page)}#comment-${highlight.id}`}
      />
      <p className="meta">
        {translated
          ? tr("translatedTextOf", { number: translated.number, date: formatInstant(translated.createdAt, locale, consultation.referenceTimeZone) })
          : t("versionOf", { number: shown.number, date: formatInstant(shown.createdAt, locale, consultation.referenceTimeZone) })}
        {discussion.highlights.length > 0 ? <> · {c("passagesAnnotated", { count: discussion.highlights.length })}</> : null}
      </p>
      {translated && isOutOfDate(translated, current.number) ? (
        <p className="translation-mark">{tr("outOfDateMessage", { translated: translated.sourceVersionNumber, current: current.number })}</p>
      ) : null}
      {translated ? (
        <details className="original-text">
          <summary>{tr("originalText")}</summary>
          <p className="message-text" lang={consultation.language} dir={localeDirection(consultation.language)}>
            {current.text}
          </p>
        </details>
      ) : null}
      {!translated && !isEarlier && earlier.length > 0 ? (
        <section aria-labelledby="versions-heading">
          <h2 id="versions-heading">{t("earlierVersions")}</h2>
          {earlier.map((version) => (
            <details key={version.id}>
              <summary>{t("versionOf", { number: version.number, date: formatInstant(version.createdAt, locale, consultation.referenceTimeZone) })}</summary>
              <p className="message-text" lang={consultation.language} dir={localeDirection(consultation.language)}>
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
              language={textLanguage}
              writingLanguage={writingLanguage}
              translation={translated?.language}
              action={commentActions.create}
              idempotencyKey={randomUUID()}
              storageKey={keptCommentKey(message.id, translated?.language)}
              onlyWhenRefused={!can.open}
            />
          ) : null}
          {consultation.state === "CLOSED" || consultation.state === "FINAL" ? (
            // The keys are named for a cached page's loader: it starts the scripts only where one of them holds text.
            <div {...{ [KEPT_DRAFTS_ATTRIBUTE]: keptPlaces.map((place) => place.storageKey).join(" ") }}>
              <KeptDrafts closedAt={formatInstant(consultation.closesAt ?? current.createdAt, locale, consultation.referenceTimeZone)} places={keptPlaces} />
            </div>
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
                writingLanguage={writingLanguage}
                languages={languages ? { original: consultation.language, translation: translated?.language ?? null, path } : null}
                newKey={randomUUID}
              />
            ))}
          </ol>
          <Pagination page={discussion.page} pageCount={discussion.pageCount} href={pageHref} label={c("pages")} />
        </section>
      )}
    </ClientMessages>
  );
}
