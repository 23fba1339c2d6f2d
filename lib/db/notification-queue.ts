import type { Notification, NotificationKind } from "./generated/client";
import { notificationDelivery } from "./notification-delivery";
import { sql } from "./sql";

/**
 * The outgoing mail queue's statements (the worker is lib/notifications/worker.ts).
 * A row is ready while "claimedAt" is null; claiming sets it in the same
 * statement that picks the rows (FOR UPDATE SKIP LOCKED, so two workers never
 * take the same row), and only a failure known to have sent nothing clears it again.
 * "sendingStartedAt" is set just before the mail goes to SMTP: a claim older than
 * STALE_CLAIM_MINUTES without it (its worker died before sending) is taken again.
 */

/** Longer than any worker takes between claiming a row and starting to send it. */
export const STALE_CLAIM_MINUTES = 15;

/**
 * The "runAfter" of a reply notification for a comment held for review: never
 * due until approval releases it (releaseHeldReplies), or a hiding drops it.
 */
export const PARKED_UNTIL_APPROVED = new Date("9999-12-31T00:00:00.000Z");

/** Takes up to `limit` rows due at `now` (mail and digests; digest items wait for their digest). */
export async function claimDueNotifications(now: Date, limit: number): Promise<Notification[]> {
  return sql()<Notification[]>`
    update "Notification" set "claimedAt" = ${now}, attempts = attempts + 1
    where id in (
      select id from "Notification"
      where delivery = 'MAIL' and "runAfter" <= ${now}
        and ("claimedAt" is null
          or ("claimedAt" < ${now}::timestamptz - make_interval(mins => ${STALE_CLAIM_MINUTES})
              and "sendingStartedAt" is null and "sentAt" is null and "failedAt" is null))
      order by "runAfter"
      limit ${limit}
      for update skip locked)
    returning *`;
}

/**
 * Marks the claimed row as being sent; false when the claim is not this worker's
 * any more (taken again as stale), and then nothing may be sent.
 */
export async function startSending(item: Pick<Notification, "id" | "claimedAt">, now: Date): Promise<boolean> {
  const rows = await sql()`
    update "Notification" set "sendingStartedAt" = ${now}
    where id = ${item.id} and "claimedAt" = ${item.claimedAt} and "sendingStartedAt" is null
    returning id`;
  return rows.length === 1;
}

export async function markNotificationSent(id: string, now: Date) {
  await sql()`update "Notification" set "sentAt" = ${now}, "lastError" = null where id = ${id}`;
}

/** Nothing was sent: ready again at `runAfter`, and a digest's items wait again for it. */
export async function releaseNotification(id: string, runAfter: Date, error: string) {
  await sql()`
    with items as (
      update "Notification" set "digestId" = null, "claimedAt" = null where "digestId" = ${id} and "sentAt" is null)
    update "Notification" set "claimedAt" = null, "sendingStartedAt" = null, "runAfter" = ${runAfter}, "lastError" = ${error}
    where id = ${id}`;
}

/** Never tried again: refused for good, too many attempts, not wanted any more, or an outcome that cannot be known. */
export async function markNotificationFailed(id: string, now: Date, error: string) {
  await sql()`update "Notification" set "failedAt" = ${now}, "lastError" = ${error} where id = ${id}`;
}

/**
 * Followers' notifications for what the clock brings: a consultation opens, enters its
 * last day, closes. Each event is queued once per person (its key holds the event's
 * instant, so a new deadline is a new event), for people who followed before it
 * happened, and only for events of the last two days (a worker back after an outage
 * does not mail old news).
 */
export async function enqueueConsultationEvents(now: Date): Promise<number> {
  const rows = await sql()`
    insert into "Notification" (id, "userId", kind, delivery, "dedupeKey", "consultationId", "runAfter", "createdAt")
    select gen_random_uuid()::text, f."userId", e.kind::"NotificationKind", d.delivery,
           e.kind || ':' || c.id || ':' || to_char(e.at, 'YYYY-MM-DD"T"HH24:MI:SS.MS') || ':' || f."userId", c.id, ${now}, ${now}
    from "Consultation" c
    cross join lateral (values
      ('CONSULTATION_OPENED', c."opensAt"),
      ('CONSULTATION_LAST_DAY', c."closesAt" - interval '1 day'),
      ('CONSULTATION_CLOSED', c."closesAt")) as e(kind, at)
    join "ConsultationFollow" f on f."consultationId" = c.id and f."createdAt" <= e.at
    cross join lateral (select ${notificationDelivery(sql()`f."userId"`)} as delivery) d
    where d.delivery is not null and c."publishedAt" is not null and c."opensAt" is not null and c."closesAt" is not null
      and e.at <= ${now} and e.at > ${now}::timestamptz - interval '2 days'
      and (e.kind = 'CONSULTATION_CLOSED' or c."closesAt" > ${now})
    on conflict ("dedupeKey") do nothing
    returning id`;
  return rows.length;
}

/** For the outcome's publication (issue 11 calls this when it publishes): each follower is told once. */
export async function enqueueOutcomePublished(consultationId: string, now: Date): Promise<number> {
  return enqueueForFollowers(consultationId, "OUTCOME_PUBLISHED", now);
}

async function enqueueForFollowers(consultationId: string, kind: NotificationKind, now: Date) {
  const rows = await sql()`
    insert into "Notification" (id, "userId", kind, delivery, "dedupeKey", "consultationId", "runAfter", "createdAt")
    select gen_random_uuid()::text, f."userId", ${kind}::"NotificationKind", d.delivery,
           ${kind} || ':' || f."consultationId" || ':' || f."userId", f."consultationId", ${now}, ${now}
    from "ConsultationFollow" f
    cross join lateral (select ${notificationDelivery(sql()`f."userId"`)} as delivery) d
    where f."consultationId" = ${consultationId} and d.delivery is not null
    on conflict ("dedupeKey") do nothing
    returning id`;
  return rows.length;
}

/**
 * The next digest for everyone with items waiting and no digest pending: one
 * DIGEST row per person and day (its key holds the date), due at the next
 * `hourUtc` o'clock UTC (today's if it is still ahead, else tomorrow's); when
 * it runs it gathers every item waiting then.
 */
export async function enqueueDigests(now: Date, hourUtc: number): Promise<number> {
  const due = new Date(`${now.toISOString().slice(0, 10)}T${String(hourUtc).padStart(2, "0")}:00:00.000Z`);
  if (due <= now) due.setUTCDate(due.getUTCDate() + 1);
  const day = due.toISOString().slice(0, 10);
  const rows = await sql()`
    insert into "Notification" (id, "userId", kind, delivery, "dedupeKey", "runAfter", "createdAt")
    select gen_random_uuid()::text, "userId", 'DIGEST', 'MAIL', 'DIGEST:' || "userId" || ':' || ${day}, ${due}, ${now}
    from "Notification" item
    where delivery = 'DIGEST' and "digestId" is null and "claimedAt" is null and "runAfter" <= ${now}
      and not exists (select 1 from "Notification" pending
                      where pending."userId" = item."userId" and pending.kind = 'DIGEST'
                        and pending."sendingStartedAt" is null and pending."sentAt" is null and pending."failedAt" is null)
    group by "userId"
    on conflict ("dedupeKey") do nothing
    returning id`;
  return rows.length;
}

/** The items a digest carries: those waiting for it (now taken, so no later digest repeats them) and those it took on an earlier attempt. */
export async function gatherDigestItems(digest: Pick<Notification, "id" | "userId">, now: Date): Promise<Notification[]> {
  await sql()`
    update "Notification" set "digestId" = ${digest.id}, "claimedAt" = ${now}
    where "userId" = ${digest.userId} and delivery = 'DIGEST' and "digestId" is null and "claimedAt" is null and "runAfter" <= ${now}`;
  return sql()<Notification[]>`select * from "Notification" where "digestId" = ${digest.id} order by "createdAt"`;
}

export async function markDigestItemsSent(digestId: string, now: Date) {
  await sql()`update "Notification" set "sentAt" = ${now} where "digestId" = ${digestId}`;
}
