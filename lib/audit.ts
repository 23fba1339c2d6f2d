import type { Prisma, Tx } from "./db/client";

export type AuditEntry = {
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  data?: Prisma.InputJsonValue;
};

/** Append-only; pass the transaction of the change it records. */
export function recordAudit(tx: Tx, entry: AuditEntry) {
  return tx.auditEvent.create({ data: { ...entry, data: entry.data ?? {} } });
}
