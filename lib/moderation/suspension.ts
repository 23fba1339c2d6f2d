import type { Actor } from "@/lib/auth/actor";
import { requireSecretariat } from "@/lib/auth/guards";
import { recordAudit } from "@/lib/db/audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { suspensionSchema } from "./schemas";

/**
 * Suspends a person: they can no longer write, every session they have ends,
 * and their access tokens are refused while the suspension lasts (who-is-asking
 * checks it on every request). Their content stays. The secretariat suspends
 * participants; only an administrator suspends the secretariat or another
 * administrator, and nobody suspends themselves. `actor` null is an
 * administrator at the command line.
 */
export async function suspendUser(actor: Actor | null, input: unknown, now = new Date()) {
  return changeSuspension(actor, input, true, now);
}

/** Ends a suspension; the reason is recorded like the suspension's. */
export async function reinstateUser(actor: Actor | null, input: unknown, now = new Date()) {
  return changeSuspension(actor, input, false, now);
}

async function changeSuspension(actor: Actor | null, input: unknown, suspend: boolean, now: Date) {
  const moderator = actor === null ? null : requireSecretariat(actor);
  const { userId, reason } = parseInput(suspensionSchema, input);
  if (moderator && userId === moderator.userId) throw new AppError("FORBIDDEN");
  return db.$transaction(async (tx) => {
    const person = await tx.user.findUnique({ where: { id: userId }, select: { role: true, suspendedAt: true } });
    if (!person) throw new AppError("NOT_FOUND");
    if (moderator && moderator.role !== "ADMIN" && person.role !== "PARTICIPANT") throw new AppError("FORBIDDEN");
    if (Boolean(person.suspendedAt) === suspend) {
      throw new AppError("CONFLICT", { fieldErrors: { form: suspend ? "errors.alreadySuspended" : "errors.notSuspended" } });
    }
    const user = await tx.user.update({ where: { id: userId }, data: { suspendedAt: suspend ? now : null } });
    const ended = suspend ? (await tx.session.deleteMany({ where: { userId } })).count : 0;
    const action = await tx.moderationAction.create({
      data: { action: suspend ? "SUSPEND_USER" : "REINSTATE_USER", userId, moderatorId: moderator?.userId ?? null, note: reason, createdAt: now },
    });
    await recordAudit(tx, {
      actorId: moderator?.userId ?? null,
      action: suspend ? "user.suspended" : "user.reinstated",
      subjectType: "User",
      subjectId: userId,
      data: { moderationActionId: action.id, reason, via: moderator ? "web" : "cli", ...(suspend ? { sessionsEnded: ended } : {}) },
    });
    return user;
  });
}
