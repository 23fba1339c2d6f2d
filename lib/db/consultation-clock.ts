import type { Tx } from "./client";

export type ConsultationAtDatabaseTime = {
  /** The database's time: statement_timestamp() of this read, in the transaction that writes. */
  at: Date;
  publishedAt: Date | null;
  opensAt: Date | null;
  closesAt: Date | null;
  finalisedAt: Date | null;
  referenceTimeZone: string;
};

/**
 * A consultation's times with the database's time, read inside the
 * transaction that changes a comment (edit, withdrawal, agreement): the deadline
 * is decided on the one clock every app instance shares, and the change is
 * stamped with the same instant. Null when there is no such consultation.
 */
export async function consultationAtDatabaseTime(tx: Tx, consultationId: string): Promise<ConsultationAtDatabaseTime | null> {
  const [row] = await tx.$queryRaw<ConsultationAtDatabaseTime[]>`
    select statement_timestamp() as at, "publishedAt", "opensAt", "closesAt", "finalisedAt", "referenceTimeZone"
    from "Consultation" where id = ${consultationId}`;
  return row ?? null;
}
