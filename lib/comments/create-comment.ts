import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { mailConfigured } from "@/lib/auth/config";
import { requireParticipant } from "@/lib/auth/guards";
import { admitCredentialOwner, credentialValidity, hashCredential, whoIsAskingFirst, type Credential } from "@/lib/auth/who-is-asking";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { checkRateLimitCounts, counterHits, limitFromEnvironment } from "@/lib/rate-limit";
import { parseInput } from "@/lib/validation";
import { newReceiptNumber } from "./receipt-number";
import { requireOpenConsultation } from "./open-for-comment";
import { loadCommentContext, type CommentContext } from "@/lib/db/comment-context";
import { insertComment } from "@/lib/db/insert-comment";
import { textFingerprint } from "@/lib/text/fingerprint";
import { resolveTarget } from "./resolve-target";
import { createCommentSchema } from "./schemas";
import { WRITTEN_ON, writtenOn } from "./written-on";

/** Per person; deployments (and the benchmark) may change them with COMMENT_LIMIT_PER_MINUTE / _PER_DAY. */
export const COMMENT_LIMITS = {
  perMinute: { limit: limitFromEnvironment("COMMENT_LIMIT_PER_MINUTE", 10), windowSeconds: 60 },
  perDay: { limit: limitFromEnvironment("COMMENT_LIMIT_PER_DAY", 300), windowSeconds: 24 * 60 * 60 },
};

/**
 * A comment on a message, an annotation of a passage of it, or a reply. The
 * same idempotency key from the same author returns the first comment instead
 * of writing a second one (double clicks, retries after a timeout).
 *
 * Attempts that pass every other check count against the rate limits, in
 * the statement that writes the comment; refused ones (closed, invalid)
 * cost a single read and do not use up the person's allowance.
 *
 * The deadline is the database's clock (lib/db/insert-comment.ts), not `now`,
 * which only dates the credential check and the rate-limit windows; the
 * comment's createdAt is the database's time of acceptance.
 */
export async function createComment(author: Actor | Credential | null, input: unknown, now = new Date()) {
  if (author && !("userId" in author)) return createCommentWithCredential(author, input, now);
  const user = requireParticipant(author);
  const data = parseInput(createCommentSchema, input);
  const context = await loadCommentContext({ userId: user.userId }, requestOf(data), credentialValidity(now));
  if (!context) throw new AppError("UNAUTHENTICATED");
  return submitComment(user, context, data, now);
}

/**
 * For a request's credential (the write API's token, a form's session): it
 * is checked in the statement that reads the context (the hot path: two
 * round trips in all), with whoIsAsking's guards. Who is asking is still
 * answered first: input is refused only once the credential is known to be good.
 */
async function createCommentWithCredential(credential: Credential, input: unknown, now: Date) {
  const data = await whoIsAskingFirst(credential, () => parseInput(createCommentSchema, input), now);
  const hashed = hashCredential(credential);
  const context = hashed ? await loadCommentContext(hashed, requestOf(data), credentialValidity(now)) : null;
  if (!hashed || !context?.credentialId || !context.expiresAt) throw new AppError("UNAUTHENTICATED");
  const user = requireParticipant(await admitCredentialOwner(hashed, { ...context, credentialId: context.credentialId, expiresAt: context.expiresAt }, now));
  return submitComment(user, context, data, now);
}

type CommentInput = z.infer<typeof createCommentSchema>;

const requestOf = (data: CommentInput) => ({
  messageId: data.messageId,
  idempotencyKey: data.idempotencyKey ?? null,
  parentId: data.parentId ?? null,
  textLanguage: data.textLanguage ?? null,
});

async function submitComment(user: Actor, context: CommentContext, data: CommentInput, now: Date) {
  if (!context.messageId) throw new AppError("NOT_FOUND");
  if (context.repeatedId) return { comment: await findComment(context.repeatedId), created: false };
  // The database's clock, not this instance's: refused early here, decided again by the statement that writes.
  requireOpenConsultation(context, context.databaseTime);
  const parentId = data.parentId ? threadRoot(context.parent, data.messageId) : null;
  const onText = textCommentedOn(context, data.textLanguage);
  const target = resolveTarget(onText.text, data);
  if (!context.stakeholderGroup || !context.region || !context.country) throw new AppError("PROFILE_INCOMPLETE");

  const limits = [
    { key: `comment:minute:${user.userId}`, ...COMMENT_LIMITS.perMinute },
    { key: `comment:day:${user.userId}`, ...COMMENT_LIMITS.perDay },
  ];
  const { comment, counts, open, acceptedAt } = await insertComment({
    id: randomUUID(),
    messageId: data.messageId,
    versionId: context.versionId,
    translatedTextId: onText.translatedTextId,
    authorId: user.userId,
    parentId,
    repliedToId: parentId ? data.parentId! : null,
    body: data.body,
    language: data.language ?? context.writingLanguage,
    bodyFingerprint: textFingerprint(data.body),
    preModeration: context.preModeration,
    author: { name: context.name ?? "", stakeholderGroup: context.stakeholderGroup, region: context.region, country: context.country, organisation: context.organisation },
    target,
    idempotencyKey: data.idempotencyKey ?? null,
    action: parentId ? "comment.replied" : target ? "comment.annotated" : "comment.created",
    hits: counterHits(limits, now),
    queueMail: mailConfigured(),
    drawReceiptNumber: newReceiptNumber,
  });
  if (comment) return { comment: { ...comment, ...writtenOn(onText.translatedTextId ? data.textLanguage! : null) }, created: true };
  // Not written: either the same key was used by a submission that raced past the lookup (return its comment), or a limit was reached.
  const winner = data.idempotencyKey
    ? await db.comment.findUnique({ where: { authorId_idempotencyKey: { authorId: user.userId, idempotencyKey: data.idempotencyKey } }, include: WRITTEN_ON })
    : null;
  if (winner) return { comment: winner, created: false };
  if (!open) refuseClosed(context, acceptedAt);
  checkRateLimitCounts(limits, counts, now);
  throw new Error("A comment was neither written nor refused by a rate limit");
}

/** The deadline passed (or the consultation changed) between the read and the write: refused on the database's clock. */
function refuseClosed(context: CommentContext, at: Date): never {
  requireOpenConsultation(context, at);
  throw new AppError("DEADLINE_PASSED", { closedAt: (context.closesAt ?? at).toISOString(), timeZone: context.referenceTimeZone });
}

/**
 * The text a comment is written on: the message's current version, or its
 * newest text in the translation named (the original's own language names
 * the original). A translation that lacks the message is refused, not
 * silently swapped for the original.
 */
function textCommentedOn(context: CommentContext, textLanguage: string | undefined) {
  if (!textLanguage || textLanguage === context.documentLanguage) return { text: context.text, translatedTextId: null };
  if (context.translatedTextId === null || context.translatedText === null) {
    throw new AppError("VALIDATION", { fieldErrors: { textLanguage: "errors.translationNotFound" } });
  }
  return { text: context.translatedText, translatedTextId: context.translatedTextId };
}

function findComment(id: string) {
  return db.comment.findUniqueOrThrow({ where: { id }, include: WRITTEN_ON });
}

/** Replies form one level: a reply to a reply joins the thread of its first comment. */
function threadRoot(parent: CommentContext["parent"], messageId: string) {
  if (!parent || parent.messageId !== messageId) throw new AppError("VALIDATION", { fieldErrors: { parentId: "errors.parentNotFound" } });
  if (parent.status !== "PUBLISHED") throw new AppError("CONFLICT", { fieldErrors: { form: "errors.replyToUnavailable" } });
  return parent.parentId ?? parent.id;
}
