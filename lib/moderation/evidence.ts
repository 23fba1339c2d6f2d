import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { requireSecretariat } from "@/lib/auth/guards";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordId } from "@/lib/text/user-text";
import { parseInput } from "@/lib/validation";

/**
 * Evidence for the secretariat and administrators: everything kept about a
 * comment or a person, as JSON, with a SHA-256 of every text so a copy can be
 * shown unaltered later. Nothing in it is ever deleted (hidden comments,
 * earlier versions and flags' snapshots stay; the audit log is append-only).
 */

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
const iso = (date: Date | null) => date?.toISOString() ?? null;

export async function commentEvidence(actor: Actor | null, commentId: unknown, now = new Date()) {
  requireSecretariat(actor);
  const id = parseInput(recordId, commentId);
  const [evidence] = await commentsEvidence({ id });
  if (!evidence) throw new AppError("NOT_FOUND");
  return { generatedAt: now.toISOString(), comment: evidence };
}

export async function userEvidence(actor: Actor | null, userId: unknown, now = new Date()) {
  requireSecretariat(actor);
  const id = parseInput(recordId, userId);
  const user = await db.user.findUnique({
    where: { id },
    select: {
      id: true, email: true, name: true, role: true, createdAt: true, suspendedAt: true,
      moderationsOfUser: { orderBy: { createdAt: "asc" } },
      flags: { orderBy: { createdAt: "asc" }, select: { id: true, commentId: true, reason: true, note: true, createdAt: true } },
    },
  });
  if (!user) throw new AppError("NOT_FOUND");
  const [comments, audit] = await Promise.all([
    commentsEvidence({ authorId: id }),
    db.auditEvent.findMany({ where: { OR: [{ subjectType: "User", subjectId: id }, { actorId: id }] }, orderBy: { id: "asc" } }),
  ]);
  return {
    generatedAt: now.toISOString(),
    user: {
      id: user.id, email: user.email, name: user.name, role: user.role, createdAt: iso(user.createdAt), suspendedAt: iso(user.suspendedAt),
      actions: user.moderationsOfUser.map(actionJson),
      flagsMade: user.flags.map((flag) => ({ ...flag, createdAt: iso(flag.createdAt) })),
      comments,
      audit: audit.map(auditJson),
    },
  };
}

async function commentsEvidence(where: { id: string } | { authorId: string }) {
  const comments = await db.comment.findMany({
    where,
    orderBy: { createdAt: "asc" },
    include: {
      message: { select: { number: true, consultation: { select: { slug: true } } } },
      revisions: { orderBy: { createdAt: "asc" } },
      flags: { orderBy: { createdAt: "asc" } },
      moderation: { orderBy: { createdAt: "asc" } },
      appeals: { orderBy: { createdAt: "asc" } },
    },
  });
  const audit = await db.auditEvent.findMany({ where: { subjectType: "Comment", subjectId: { in: comments.map((comment) => comment.id) } }, orderBy: { id: "asc" } });
  return comments.map((comment) => ({
    id: comment.id,
    consultation: comment.message.consultation.slug,
    message: comment.message.number,
    parentId: comment.parentId,
    authorId: comment.authorId,
    author: { name: comment.authorName, stakeholderGroup: comment.authorStakeholderGroup, region: comment.authorRegion, country: comment.authorCountry, organisation: comment.authorOrganisation },
    status: comment.status,
    quote: comment.quoteExact,
    createdAt: iso(comment.createdAt),
    editedAt: iso(comment.editedAt),
    withdrawnAt: iso(comment.withdrawnAt),
    moderation: { at: iso(comment.moderatedAt), reason: comment.moderationReason, note: comment.moderationNote },
    // Every text the comment has had, oldest first: each revision was written when the one before it was replaced.
    versions: [
      ...comment.revisions.map((revision) => ({ body: revision.body, writtenAt: iso(revision.createdAt), sha256: sha256(revision.body) })),
      { body: comment.body, writtenAt: iso(comment.editedAt ?? comment.createdAt), sha256: sha256(comment.body) },
    ],
    flags: comment.flags.map((flag) => ({
      id: flag.id, reporterId: flag.reporterId, reason: flag.reason, note: flag.note, createdAt: iso(flag.createdAt),
      bodySnapshot: flag.bodySnapshot, bodySnapshotSha256: sha256(flag.bodySnapshot),
      resolution: flag.resolution, resolvedById: flag.resolvedById, resolvedAt: iso(flag.resolvedAt),
    })),
    actions: comment.moderation.map(actionJson),
    appeals: comment.appeals.map((appeal) => ({
      id: appeal.id, moderationActionId: appeal.moderationActionId, text: appeal.text, sha256: sha256(appeal.text), createdAt: iso(appeal.createdAt),
      outcome: appeal.outcome, decisionNote: appeal.decisionNote, decidedById: appeal.decidedById, decidedAt: iso(appeal.decidedAt),
    })),
    audit: audit.filter((event) => event.subjectId === comment.id).map(auditJson),
  }));
}

function actionJson(action: { id: string; action: string; moderatorId: string | null; reasonCategory: string | null; publicReason: string | null; note: string | null; createdAt: Date }) {
  return { id: action.id, action: action.action, moderatorId: action.moderatorId, reason: action.reasonCategory, publicNote: action.publicReason, note: action.note, at: iso(action.createdAt) };
}

function auditJson(event: { id: bigint; actorId: string | null; action: string; subjectType: string; subjectId: string; data: unknown; createdAt: Date }) {
  return { id: event.id.toString(), actorId: event.actorId, action: event.action, subject: `${event.subjectType}:${event.subjectId}`, data: event.data, at: iso(event.createdAt) };
}
