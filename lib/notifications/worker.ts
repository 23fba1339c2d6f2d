import { deliverMail, type Mail } from "@/lib/auth/mail";
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
  startSending,
} from "@/lib/db/notification-queue";
import type { Notification } from "@/lib/db/generated/client";
import { composeNotification } from "./compose";
import { describeFailure, failureOutcome, MAX_ATTEMPTS, retryDelayMs } from "./delivery-failure";

/** The hour (UTC) daily digests go out; NOTIFICATION_DIGEST_HOUR_UTC, default 7. */
export function digestHourUtc() {
  const hour = wholeNumberFromEnvironment("NOTIFICATION_DIGEST_HOUR_UTC", 7, 0);
  if (hour > 23) throw new Error(`NOTIFICATION_DIGEST_HOUR_UTC must be an hour, 0 to 23 (it is ${hour}).`);
  return hour;
}

/**
 * One round of the worker: queue what the clock brought (consultations opening,
 * entering their last day, closing; the next digests), then send what is due,
 * claiming one row at a time so that a stopping process (`stopping()` true) leaves
 * nothing claimed but the mail it is sending. Returns how many mails went out.
 */
export async function runNotificationRound(now = new Date(), stopping: () => boolean = () => false): Promise<{ sent: number; failed: number }> {
  await enqueueConsultationEvents(now);
  await enqueueDigests(now, digestHourUtc());
  let sent = 0;
  let failed = 0;
  while (!stopping()) {
    const [item] = await claimDueNotifications(now, 1);
    if (!item) break;
    if (await sendOne(item, now)) sent++;
    else failed++;
  }
  return { sent, failed };
}

/**
 * Sends one claimed notification, at most once: the claim was committed before
 * sending, "sendingStartedAt" is committed just before the mail goes to SMTP, and
 * after that only a failure known to have delivered nothing makes it ready again.
 * A process that dies while sending leaves the row claimed and started; it is
 * never retried (shown by `sendingStartedAt` set with neither `sentAt` nor `failedAt`).
 */
async function sendOne(item: Notification, now: Date): Promise<boolean> {
  let mail: Mail | null;
  try {
    const digestItems = item.kind === "DIGEST" ? await gatherDigestItems(item, now) : [];
    mail = await composeNotification(item, digestItems);
    if (mail && !(await startSending(item, now))) return false; // taken again by another worker as stale: it sends
  } catch (error) {
    // Nothing was sent (the database failed or timed out): ready again after the back-off, with its digest items.
    const reason = `not sent: ${describeFailure(error)}`;
    console.error(`[notifications] ${item.kind} ${item.id}, attempt ${item.attempts}: ${reason}`);
    await releaseNotification(item.id, new Date(now.getTime() + retryDelayMs(item.attempts)), reason);
    return false;
  }
  if (!mail) {
    await markNotificationFailed(item.id, now, "not wanted any more");
    return false;
  }
  try {
    await deliverMail(mail);
  } catch (error) {
    const outcome = failureOutcome(error);
    // The recipient is personal data: the log and the row keep codes only, and name the queue row.
    const reason = describeFailure(error);
    console.error(`[notifications] ${item.kind} ${item.id}, attempt ${item.attempts}: ${outcome}: ${reason}`);
    if (outcome === "retry" && item.attempts < MAX_ATTEMPTS) await releaseNotification(item.id, new Date(now.getTime() + retryDelayMs(item.attempts)), reason);
    else await markNotificationFailed(item.id, now, `${outcome}: ${reason}`);
    return false;
  }
  await markNotificationSent(item.id, new Date());
  if (item.kind === "DIGEST") await markDigestItemsSent(item.id, new Date());
  return true;
}

/**
 * Starts the worker in this process (scripts/serve.ts): a round every
 * NOTIFICATION_INTERVAL_SECONDS (default 30); a tick while a round runs is
 * skipped. stop() lets the mail being sent finish and claims nothing more.
 * Several app processes may each run one: claims skip each other's rows and
 * every event is queued under a unique key. Does nothing when no mail can be sent.
 */
export function startNotificationWorker(): { stop: () => Promise<void> } {
  if (!mailConfigured()) return { stop: async () => {} };
  const intervalMs = wholeNumberFromEnvironment("NOTIFICATION_INTERVAL_SECONDS", 30, 1) * 1000;
  let stopping = false;
  let round: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (round || stopping) return;
    round = runNotificationRound(new Date(), () => stopping)
      .then(
        () => {},
        (error: unknown) => console.error(`[notifications] round failed: ${describeFailure(error)}`),
      )
      .finally(() => {
        round = null;
      });
  }, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      stopping = true;
      clearInterval(timer);
      await round;
    },
  };
}
