import type postgres from "postgres";
import type { Prisma, Tx } from "./client";
import { sql } from "./sql";

/** The one shape of an audit event: who did what to which thing, with details. Append-only. */
export type AuditEntry = {
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  data?: Prisma.InputJsonValue;
};

/** Writes the event in the transaction of the change it records. */
export function recordAudit(tx: Tx, entry: AuditEntry) {
  return tx.auditEvent.create({ data: { ...entry, data: entry.data ?? {} } });
}

/**
 * The same, for a change written by a single SQL statement (the hot path):
 * a data-modifying step that records one event per row of `rows`, a CTE
 * with columns "actorId", "subjectId", data and "createdAt".
 */
export function auditRowsFrom(rows: postgres.PendingQuery<postgres.Row[]>, action: string, subjectType: string) {
  return sql()`
    insert into "AuditEvent" ("actorId", action, "subjectType", "subjectId", data, "createdAt")
    select "actorId", ${action}, ${subjectType}, "subjectId", data, "createdAt" from (${rows}) as recorded`;
}
