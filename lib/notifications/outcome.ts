import { mailConfigured } from "@/lib/auth/config";
import { enqueueOutcomePublished } from "@/lib/db/notification-queue";

/**
 * Tells the consultation's followers that its outcome is published (for the
 * finalisation's publish step, issue 11): queued once per follower, sent by the worker.
 */
export async function notifyOutcomePublished(consultationId: string, now = new Date()) {
  if (!mailConfigured()) return 0;
  return enqueueOutcomePublished(consultationId, now);
}
