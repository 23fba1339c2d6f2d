import { db } from "@/lib/db/client";
import { outboxEnabled } from "./config";

export const OUTBOX_PAGE_SIZE = 50;

/** The latest mail in the development outbox, or null when the outbox is off. */
export async function listOutbox() {
  if (!outboxEnabled()) return null;
  return db.outboxMessage.findMany({ orderBy: { createdAt: "desc" }, take: OUTBOX_PAGE_SIZE });
}
