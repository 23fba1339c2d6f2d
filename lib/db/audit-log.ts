import { db } from "./client";
import type { Prisma } from "./generated/client";

/** What the audit log can be narrowed to; every part optional. `actor` is an e-mail address or a user id. */
export type AuditFilter = { actor?: string; action?: string; subjectType?: string; subjectId?: string; from?: Date; to?: Date };

export type AuditRow = { id: bigint; createdAt: Date; actorId: string | null; actorEmail: string | null; action: string; subjectType: string; subjectId: string; data: Prisma.JsonValue };

function where(filter: AuditFilter): Prisma.AuditEventWhereInput {
  return {
    ...(filter.actor
      ? filter.actor.includes("@")
        ? { actor: { email: { equals: filter.actor, mode: "insensitive" } } }
        : { actorId: filter.actor }
      : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.subjectType ? { subjectType: filter.subjectType } : {}),
    ...(filter.subjectId ? { subjectId: filter.subjectId } : {}),
    ...(filter.from || filter.to ? { createdAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } } : {}),
  };
}

const select = { id: true, createdAt: true, actorId: true, action: true, subjectType: true, subjectId: true, data: true, actor: { select: { email: true } } } as const;

/** Where a batch starts: newest first below `before` (the page), or oldest first above `after` (the export). */
export type AuditCursor = { order: "newest"; before?: bigint } | { order: "oldest"; after?: bigint };

/** A batch of events by keyset on the id: served by the primary key however far into the log it reads. */
export async function auditEvents(filter: AuditFilter, limit: number, cursor: AuditCursor): Promise<AuditRow[]> {
  const id =
    cursor.order === "newest" ? (cursor.before !== undefined ? { lt: cursor.before } : undefined)
    : cursor.after !== undefined ? { gt: cursor.after }
    : undefined;
  const rows = await db.auditEvent.findMany({
    where: { ...where(filter), ...(id ? { id } : {}) },
    orderBy: { id: cursor.order === "newest" ? "desc" : "asc" },
    take: limit,
    select,
  });
  return rows.map(({ actor, ...row }) => ({ ...row, actorEmail: actor?.email ?? null }));
}
