import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { requireParticipant } from "@/lib/auth/guards";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { enforceRateLimits } from "@/lib/rate-limit";
import { parseInput } from "@/lib/validation";
import { requireOpenConsultation } from "./open-for-comment";
import { resolveTarget } from "./resolve-target";
import { createCommentSchema } from "./schemas";

export const COMMENT_LIMITS = {
  perMinute: { limit: 10, windowSeconds: 60 },
  perDay: { limit: 300, windowSeconds: 24 * 60 * 60 },
};

/**
 * A comment on a message, an annotation of a passage of it, or a reply. The
 * same idempotency key from the same author returns the first comment instead
 * of writing a second one (double clicks, retries after a timeout).
 */
export async function createComment(actor: Actor | null, input: unknown, now = new Date()) {
  const user = requireParticipant(actor);
  const data = parseInput(createCommentSchema, input);
  const repeated = data.idempotencyKey ? await findByIdempotencyKey(user.userId, data.idempotencyKey) : null;
  if (repeated) return { comment: repeated, created: false };

  await enforceRateLimits(
    [
      { key: `comment:minute:${user.userId}`, ...COMMENT_LIMITS.perMinute },
      { key: `comment:day:${user.userId}`, ...COMMENT_LIMITS.perDay },
    ],
    now,
  );
  const [message, author] = await Promise.all([
    db.message.findUnique({
      where: { id: data.messageId },
      select: {
        id: true,
        consultation: { select: { publishedAt: true, opensAt: true, closesAt: true, finalisedAt: true } },
        versions: { orderBy: { number: "desc" }, take: 1, select: { id: true, text: true } },
      },
    }),
    db.user.findUniqueOrThrow({ where: { id: user.userId }, select: { name: true, profile: true } }),
  ]);
  const version = message?.versions[0];
  if (!message || !version) throw new AppError("NOT_FOUND");
  requireOpenConsultation(message.consultation, now);
  const parentId = data.parentId ? await threadRoot(data.parentId, message.id) : null;
  const target = resolveTarget(version.text, data);
  const profile = author.profile!;

  const id = randomUUID();
  try {
    const [comment] = await db.$transaction([
      db.comment.create({
        data: {
          id,
          messageId: message.id,
          messageVersionId: version.id,
          authorId: user.userId,
          parentId,
          body: data.body,
          authorName: author.name ?? "",
          authorGroup: profile.stakeholderGroup,
          authorRegion: profile.region,
          authorCountry: profile.country,
          authorOrganisation: profile.organisation,
          quoteExact: target?.exact ?? null,
          quotePrefix: target?.prefix ?? null,
          quoteSuffix: target?.suffix ?? null,
          positionStart: target?.start ?? null,
          positionEnd: target?.end ?? null,
          idempotencyKey: data.idempotencyKey ?? null,
          createdAt: now,
        },
      }),
      db.auditEvent.create({
        data: {
          actorId: user.userId,
          action: parentId ? "comment.replied" : target ? "comment.annotated" : "comment.created",
          subjectType: "Comment",
          subjectId: id,
          data: { messageId: message.id, versionId: version.id, parentId },
        },
      }),
    ]);
    return { comment, created: true };
  } catch (error) {
    // Two submissions with one key raced past the lookup: the loser returns the winner's comment.
    const again = data.idempotencyKey && (error as { code?: string }).code === "P2002" ? await findByIdempotencyKey(user.userId, data.idempotencyKey) : null;
    if (again) return { comment: again, created: false };
    throw error;
  }
}

function findByIdempotencyKey(authorId: string, idempotencyKey: string) {
  return db.comment.findUnique({ where: { authorId_idempotencyKey: { authorId, idempotencyKey } } });
}

/** Replies form one level: a reply to a reply joins the thread of its first comment. */
async function threadRoot(parentId: string, messageId: string) {
  const parent = await db.comment.findUnique({ where: { id: parentId }, select: { id: true, parentId: true, messageId: true, status: true } });
  if (!parent || parent.messageId !== messageId) throw new AppError("VALIDATION", { fieldErrors: { parentId: "errors.parentNotFound" } });
  if (parent.status !== "PUBLISHED") throw new AppError("CONFLICT", { fieldErrors: { form: "errors.replyToUnavailable" } });
  return parent.parentId ?? parent.id;
}
