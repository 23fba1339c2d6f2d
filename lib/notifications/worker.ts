import { deliverMail } from "@/lib/auth/mail";
import { mailConfigured } from "@/lib/auth/config";
import { wholeNumberFromEnvironment } from "@/lib/env";
import {
  claimDueNotifications,
  enqueueConsultationEvents,
  enqueueDigests,
  gatherDigestItems,
  markDigestItemsSent,
  markNotificationFailed,
  markNotificationSent,
  releaseNotification,
} from "@/lib/db/notification-queue";
import type { Notification } from "@/lib/db/generated/client";
import { composeNotification } from "./compose";
import { failureOutcome, MAX_ATTEMPTS, retryDelayMs } from "./delivery-failure";

const BATCH = 20;

/** The hour (UTC) daily digests go out; NOTIFICATION_DIGEST_HOUR_UTC, default 7. */
export function digestHourUtc() {
  const hour = wholeNumberFromEnvironment("NOTIFICATION_DIGEST_HOUR_UTC", 7, 0);
  if (hour > 23) throw new Error(`NOTIFICATION_DIGEST_HOUR_UTC must be an hour, 0 to 23 (it is ${hour}).`);
  return hour;
}

/**
 * One round of the worker: queue what the clock brought (consultations opening,
 * entering their last day, closing; today's digests), then send what is due.
 * Returns how many mails went out.
 */
export async function runNotificationRound(now = new Date()): Promise<{ sent: number; failed: number }> {
  await enqueueConsultationEvents(now);
  await enqueueDigests(now, digestHourUtc());
  let sent = 0;
  let failed = 0;
  for (;;) {
    const batch = await claimDueNotifications(now, BATCH);
    for (const item of batch) {
      if (await sendOne(item, now)) sent++;
      else failed++;
    }
    if (batch.length < BATCH) return { sent, failed };
  }
}

/**
 * Sends one claimed notification, at most once: the claim was committed before
 * sending, and only a failure known to have delivered nothing makes it ready again.
 * A process that dies while sending leaves the row claimed and unsent; it is
 * never retried by itself (shown by `claimedAt` set with neither `sentAt` nor `failedAt`).
 */
async function sendOne(item: Notification, now: Date): Promise<boolean> {
  let digestItems: Notification[] = [];
  try {
    if (item.kind === "DIGEST") digestItems = await gatherDigestItems(item, now);
    const mail = await composeNotification(item, digestItems);
    if (!mail) {
      await markNotificationFailed(item.id, now, "not wanted any more");
      return false;
    }
    await deliverMail(mail);
  } catch (error) {
    const outcome = failureOutcome(error);
    const message = (error as Error).message?.slice(0, 500) ?? String(error);
    // The recipient is personal data: the log names the queue row only.
    console.error(`[notifications] ${item.kind} ${item.id}, attempt ${item.attempts}: ${outcome}: ${message}`);
    if (outcome === "retry" && item.attempts < MAX_ATTEMPTS) await releaseNotification(item.id, new Date(now.getTime() + retryDelayMs(item.attempts)), message);
    else await markNotificationFailed(item.id, now, `${outcome}: ${message}`);
    return false;
  }
  await markNotificationSent(item.id, new Date());
  if (item.kind === "DIGEST") await markDigestItemsSent(item.id, new Date());
  return true;
}

/**
 * Starts the worker in this process (scripts/serve.ts): a round every
 * NOTIFICATION_INTERVAL_SECONDS (default 30), one at a time. Several app
 * processes may each run one: claims skip each other's rows and every event
 * is queued under a unique key. Does nothing when no mail can be sent.
 */
export function startNotificationWorker(): { stop: () => Promise<void> } {
  if (!mailConfigured()) return { stop: async () => {} };
  const intervalMs = wholeNumberFromEnvironment("NOTIFICATION_INTERVAL_SECONDS", 30, 1) * 1000;
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() =>
      runNotificationRound().catch((error: unknown) => console.error("[notifications] round failed:", (error as Error).message)),
    );
  }, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
