import { db } from "@/lib/db/client";
import { outboxEnabled } from "./config";

export const OUTBOX_PAGE_SIZE = 50;

/**
 * The latest mail in the development outbox, or null when the outbox is off
 * or the reader is not on this machine (it shows every sign-in code).
 */
export async function listOutbox(readerOnThisMachine: boolean) {
  if (!outboxEnabled() || !readerOnThisMachine) return null;
  return db.outboxMessage.findMany({ orderBy: { createdAt: "desc" }, take: OUTBOX_PAGE_SIZE });
}
