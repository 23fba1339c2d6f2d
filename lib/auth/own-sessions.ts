import { recordAudit } from "@/lib/db/audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Actor } from "./actor";
import { requireUser } from "./guards";
import { sessionEnd, sessionsStartedAfter, sessionTokenHash } from "./session-store";

/** Sessions last 30 days at most, so this many is more than anyone has: the list needs no pages. */
export const OWN_SESSIONS_MAX = 50;

export type OwnSession = { id: string; createdAt: Date; endsAt: Date; current: boolean };

/** The person's running sessions, newest first, with the one making this request marked. */
export async function listOwnSessions(actor: Actor | null, currentToken: string | null, now = new Date()): Promise<OwnSession[]> {
  const user = requireUser(actor);
  const currentHash = currentToken ? sessionTokenHash(currentToken) : null;
  const rows = await db.session.findMany({
    where: {
      userId: user.userId,
      expires: { gt: now },
      createdAt: { gt: sessionsStartedAfter(now) },
    },
    orderBy: { createdAt: "desc" },
    take: OWN_SESSIONS_MAX,
    select: { id: true, sessionToken: true, createdAt: true, expires: true },
  });
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt,
    endsAt: sessionEnd(row.expires, row.createdAt),
    current: row.sessionToken === currentHash,
  }));
}

/** Ends every session of the person but the one making this request (a lost phone, a shared computer). */
export async function signOutEverywhereElse(actor: Actor | null, currentToken: string | null) {
  const user = requireUser(actor);
  if (!currentToken) throw new AppError("UNAUTHENTICATED");
  return endSessions(user, sessionTokenHash(currentToken));
}

/** Ends every session of the person, this one included. */
export async function signOutEverywhere(actor: Actor | null) {
  return endSessions(requireUser(actor), null);
}

function endSessions(user: Actor, keepHash: string | null) {
  return db.$transaction(async (tx) => {
    const ended = await tx.session.deleteMany({
      where: { userId: user.userId, ...(keepHash ? { sessionToken: { not: keepHash } } : {}) },
    });
    await recordAudit(tx, {
      actorId: user.userId,
      action: keepHash ? "user.signed_out_elsewhere" : "user.signed_out_everywhere",
      subjectType: "User",
      subjectId: user.userId,
      data: { sessionsEnded: ended.count },
    });
    return ended.count;
  });
}
