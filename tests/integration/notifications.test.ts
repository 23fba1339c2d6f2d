import { beforeEach, describe, expect, it } from "vitest";
import { GET as unsubscribeGet, POST as unsubscribePost } from "@/app/api/unsubscribe/[token]/route";
import { createComment } from "@/lib/comments/create-comment";
import { db } from "@/lib/db/client";
import { notifyOutcomePublished } from "@/lib/notifications/outcome";
import { getNotificationSettings, isFollowing, saveNotificationSettings, setFollow } from "@/lib/notifications/settings";
import { unsubscribeToken } from "@/lib/notifications/unsubscribe-token";
import { runNotificationRound } from "@/lib/notifications/worker";
import { formatInstant } from "@/lib/time/format";
import { importMarkdown } from "../support/consultations";
import { failure } from "../support/failure";
import { createActor } from "../support/factories";

const DRAFT = `# Trust\n\n- Trust is built on transparency.\n`;
const HOUR = 3_600_000;

async function consultation(times: { opensAt: Date; closesAt: Date }) {
  const { id, slug } = await importMarkdown(DRAFT, { open: true });
  await db.consultation.update({ where: { id }, data: times });
  const message = await db.message.findUniqueOrThrow({ where: { consultationId_number: { consultationId: id, number: "1.1" } } });
  return { id, slug, messageId: message.id };
}

const openNow = () => consultation({ opensAt: new Date(Date.now() - HOUR), closesAt: new Date(Date.now() + 72 * HOUR) });
const mailsTo = (to: string) => db.outboxMessage.findMany({ where: { to }, orderBy: { createdAt: "asc" } });
const notificationsOf = (userId: string) => db.notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });

function oneClick(token: string) {
  return unsubscribePost(
    new Request(`http://localhost:3000/api/unsubscribe/${token}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    }),
    { params: Promise.resolve({ token }) },
  );
}

/** The unsubscribe link in a mail's text. */
const unsubscribeLinkIn = (text: string) => /\/unsubscribe\/(\S+)/.exec(text)?.[1];

beforeEach(async () => {
  await db.rateLimitCounter.deleteMany();
});

describe("reply notifications", () => {
  it("tell a person who opted in about a reply in their thread, not about their own replies", async () => {
    const { messageId } = await openNow();
    const author = await createActor();
    const replier = await createActor();
    await saveNotificationSettings(author, { frequency: "IMMEDIATE", receipts: "on", replies: "on" });
    const { comment } = await createComment(author, { messageId, body: "Name the auditors." });
    const { comment: reply } = await createComment(replier, { messageId, body: "独立审计机构应当公开。", parentId: comment.id });
    await createComment(author, { messageId, body: "Agreed.", parentId: comment.id });

    expect((await notificationsOf(author.userId)).map((row) => [row.kind, row.commentId])).toEqual([
      ["RECEIPT", comment.id],
      ["REPLY", reply.id],
      ["RECEIPT", expect.any(String)],
    ]);
    await runNotificationRound();
    const replyMail = (await mailsTo(author.email)).find((mail) => mail.text.includes("独立审计机构应当公开。"));
    expect(replyMail?.subject).toBe("Ada Participant replied to your comment on message 1.1");
    expect(replyMail?.text).toContain(`#comment-${reply.id}`);

    // Answering a reply tells its author too (the reply joins the thread of the first comment), each person once.
    await saveNotificationSettings(replier, { frequency: "IMMEDIATE", receipts: false, replies: true });
    const third = await createActor();
    const { comment: answer } = await createComment(third, { messageId, body: "Which auditors?", parentId: reply.id });
    expect(answer.parentId).toBe(comment.id);
    for (const person of [author, replier]) {
      expect(await db.notification.count({ where: { userId: person.userId, kind: "REPLY", commentId: answer.id } })).toBe(1);
    }
  });

  it("are off unless chosen, and a reply queued before they were turned off is not sent", async () => {
    const { messageId } = await openNow();
    const [quiet, changedMind, replier] = [await createActor(), await createActor(), await createActor()];
    await saveNotificationSettings(changedMind, { frequency: "IMMEDIATE", receipts: false, replies: true });
    const { comment: first } = await createComment(quiet, { messageId, body: "One." });
    const { comment: second } = await createComment(changedMind, { messageId, body: "Two." });
    await createComment(replier, { messageId, body: "Reply one.", parentId: first.id });
    await createComment(replier, { messageId, body: "Reply two.", parentId: second.id });
    expect((await notificationsOf(quiet.userId)).map((row) => row.kind)).toEqual(["RECEIPT"]);
    expect((await notificationsOf(changedMind.userId)).map((row) => row.kind)).toEqual(["REPLY"]);

    await saveNotificationSettings(changedMind, { frequency: "IMMEDIATE", receipts: false, replies: false });
    await runNotificationRound();
    expect(await mailsTo(changedMind.email)).toEqual([]);
    expect(await notificationsOf(changedMind.userId)).toEqual([expect.objectContaining({ sentAt: null, failedAt: expect.any(Date), lastError: "not wanted any more" })]);
  });
});

describe("following a consultation", () => {
  it("mails when it opens, enters its last day and closes, each once, at the worker's scan", async () => {
    const start = Date.now();
    const { id } = await consultation({ opensAt: new Date(start + HOUR), closesAt: new Date(start + 72 * HOUR) });
    const follower = await createActor();
    const unfollowed = await createActor();
    await setFollow(follower, { consultationId: id, intent: "follow" });
    await setFollow(unfollowed, { consultationId: id, intent: "follow" });
    await setFollow(unfollowed, { consultationId: id, intent: "unfollow" });
    expect(await isFollowing(follower, id)).toBe(true);
    expect(await isFollowing(unfollowed, id)).toBe(false);
    const kinds = async () => (await notificationsOf(follower.userId)).map((row) => row.kind);

    await runNotificationRound(new Date(start + HOUR / 2));
    expect(await kinds()).toEqual([]);
    await runNotificationRound(new Date(start + 2 * HOUR));
    await runNotificationRound(new Date(start + 3 * HOUR));
    expect(await kinds()).toEqual(["CONSULTATION_OPENED"]);
    await runNotificationRound(new Date(start + 49 * HOUR));
    expect(await kinds()).toEqual(["CONSULTATION_OPENED", "CONSULTATION_LAST_DAY"]);
    await runNotificationRound(new Date(start + 73 * HOUR));
    await runNotificationRound(new Date(start + 74 * HOUR));
    expect(await kinds()).toEqual(["CONSULTATION_OPENED", "CONSULTATION_LAST_DAY", "CONSULTATION_CLOSED"]);

    const subjects = (await mailsTo(follower.email)).map((mail) => mail.subject);
    expect(subjects).toEqual([expect.stringMatching(/^Now open for comment: Test /), expect.stringMatching(/^Last day to comment: /), expect.stringMatching(/^Closed: /)]);
    expect(await notificationsOf(unfollowed.userId)).toEqual([]);
  });

  it("queues the outcome's publication once per follower, and nothing for people who turned notifications off", async () => {
    const { id } = await openNow();
    const [follower, off] = [await createActor(), await createActor()];
    await setFollow(follower, { consultationId: id, intent: "follow" });
    await setFollow(off, { consultationId: id, intent: "follow" });
    await saveNotificationSettings(off, { frequency: "OFF", receipts: true, replies: true });
    expect(await notifyOutcomePublished(id, new Date())).toBe(1);
    expect(await notifyOutcomePublished(id, new Date())).toBe(0);
    await runNotificationRound();
    expect((await mailsTo(follower.email)).map((mail) => mail.subject)).toEqual([expect.stringMatching(/^Outcome published: /)]);
    expect(await notificationsOf(off.userId)).toEqual([]);
  });

  it("is refused for a consultation that is not published, and checks its input", async () => {
    const person = await createActor();
    const { id } = await importMarkdown(DRAFT);
    expect((await failure(setFollow(person, { consultationId: id, intent: "follow" }))).code).toBe("NOT_FOUND");
    expect((await failure(setFollow(null, { consultationId: id, intent: "follow" }))).code).toBe("UNAUTHENTICATED");
    expect((await failure(setFollow(person, { consultationId: id, intent: "watch" }))).details.fieldErrors).toEqual({ intent: "errors.invalid" });
    expect((await failure(saveNotificationSettings(person, { frequency: "HOURLY" }))).details.fieldErrors).toEqual({ frequency: "errors.invalid" });
    expect(await getNotificationSettings(person)).toEqual({ frequency: "IMMEDIATE", receipts: true, replies: false });
  });
});

describe("daily digest", () => {
  it("gathers a day's notifications into one mail at the digest hour", async () => {
    const { id, messageId } = await openNow();
    const person = await createActor();
    const replier = await createActor();
    await saveNotificationSettings(person, { frequency: "DAILY", receipts: false, replies: true });
    await setFollow(person, { consultationId: id, intent: "follow" });
    const { comment } = await createComment(person, { messageId, body: "Mine." });
    await createComment(replier, { messageId, body: "A reply for the digest.", parentId: comment.id });
    await notifyOutcomePublished(id, new Date());
    expect((await notificationsOf(person.userId)).map((row) => [row.kind, row.delivery])).toEqual([
      ["REPLY", "DIGEST"],
      ["OUTCOME_PUBLISHED", "DIGEST"],
    ]);

    const tomorrow = new Date(Date.now() + 24 * HOUR).toISOString().slice(0, 10);
    await runNotificationRound(new Date(`${tomorrow}T06:00:00Z`));
    expect(await mailsTo(person.email)).toEqual([]);
    await runNotificationRound(new Date(`${tomorrow}T07:05:00Z`));
    await runNotificationRound(new Date(`${tomorrow}T08:00:00Z`));
    const mails = await mailsTo(person.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("2 updates from Consult");
    expect(mails[0]!.text).toContain("A reply for the digest.");
    expect(mails[0]!.text).toMatch(/Outcome published: /);
    const rows = await notificationsOf(person.userId);
    const digest = rows.find((row) => row.kind === "DIGEST")!;
    expect(digest.sentAt).not.toBeNull();
    expect(rows.filter((row) => row.kind !== "DIGEST").every((row) => row.digestId === digest.id && row.sentAt)).toBe(true);
  });
});

describe("daily digest timing", () => {
  it("waits for the next day's digest hour when items arrive after today's has passed", async () => {
    const { id } = await consultation({ opensAt: new Date(Date.now() - HOUR), closesAt: new Date(Date.now() + 10 * 24 * HOUR) });
    const person = await createActor();
    await saveNotificationSettings(person, { frequency: "DAILY", receipts: false, replies: false });
    await setFollow(person, { consultationId: id, intent: "follow" });
    await notifyOutcomePublished(id, new Date());
    const day = new Date(Date.now() + 24 * HOUR).toISOString().slice(0, 10);
    const nextDay = new Date(Date.parse(`${day}T00:00:00Z`) + 24 * HOUR).toISOString().slice(0, 10);

    await runNotificationRound(new Date(`${day}T10:00:00Z`));
    await runNotificationRound(new Date(`${day}T23:00:00Z`));
    expect(await mailsTo(person.email)).toEqual([]);
    const digests = (await notificationsOf(person.userId)).filter((row) => row.kind === "DIGEST");
    expect(digests.map((row) => [row.runAfter, row.dedupeKey])).toEqual([[new Date(`${nextDay}T07:00:00Z`), `DIGEST:${person.userId}:${nextDay}`]]);

    await runNotificationRound(new Date(`${nextDay}T07:00:00Z`));
    expect((await mailsTo(person.email)).map((mail) => mail.subject)).toEqual(["1 update from Consult"]);
  });
});

describe("the mail worker", () => {
  it("writes times in the consultation's reference zone, as its pages do", async () => {
    const { id, messageId } = await openNow();
    await db.consultation.update({ where: { id }, data: { referenceTimeZone: "Asia/Tokyo" } });
    const author = await createActor();
    const { comment } = await createComment(author, { messageId, body: "On time zones." });
    await runNotificationRound();
    const [mail] = await mailsTo(author.email);
    expect(mail!.text).toContain(`${formatInstant(comment.createdAt, "en", "Asia/Tokyo")} · ${comment.createdAt.toISOString()}`);
    expect(mail!.text).toContain("GMT+9");
  });

  it("releases a mail (and a digest's items) when it fails before sending, and sends it after the back-off", async () => {
    const { id } = await openNow();
    const person = await createActor();
    await saveNotificationSettings(person, { frequency: "DAILY", receipts: false, replies: false });
    await setFollow(person, { consultationId: id, intent: "follow" });
    await notifyOutcomePublished(id, new Date());
    // A zone the mail cannot be written in: composing fails, nothing is sent.
    await db.consultation.update({ where: { id }, data: { referenceTimeZone: "Nowhere/Atlantis" } });
    const day = new Date(Date.now() + 24 * HOUR).toISOString().slice(0, 10);
    await runNotificationRound(new Date(`${day}T06:00:00Z`));
    const due = new Date(`${day}T07:00:00Z`);
    await runNotificationRound(due);

    expect(await mailsTo(person.email)).toEqual([]);
    const rows = await notificationsOf(person.userId);
    expect(rows.find((row) => row.kind === "DIGEST")).toMatchObject({
      attempts: 1,
      claimedAt: null,
      failedAt: null,
      runAfter: new Date(due.getTime() + 60_000),
      lastError: "not sent: RangeError",
    });
    expect(rows.find((row) => row.kind === "OUTCOME_PUBLISHED")).toMatchObject({ claimedAt: null, digestId: null, sentAt: null });

    await db.consultation.update({ where: { id }, data: { referenceTimeZone: "UTC" } });
    await runNotificationRound(new Date(due.getTime() + 60_000));
    expect((await mailsTo(person.email)).map((mail) => mail.subject)).toEqual(["1 update from Consult"]);
    expect((await notificationsOf(person.userId)).every((row) => row.sentAt)).toBe(true);
  });

  it("claims one mail at a time and claims nothing more once stopping", async () => {
    const { messageId } = await openNow();
    const authors = [await createActor(), await createActor(), await createActor()];
    for (const author of authors) await createComment(author, { messageId, body: "Queued." });
    const receipts = () => db.notification.findMany({ where: { userId: { in: authors.map((author) => author.userId) } } });

    let checks = 0;
    await runNotificationRound(new Date(), () => checks++ >= 1);
    const afterStop = await receipts();
    expect(afterStop.filter((row) => row.sentAt).length).toBeLessThanOrEqual(1);
    expect(afterStop.filter((row) => !row.sentAt).every((row) => row.claimedAt === null)).toBe(true);

    await runNotificationRound();
    expect((await receipts()).every((row) => row.sentAt)).toBe(true);
  });

  it("takes again a claim left by a worker that died before sending, never one that started sending", async () => {
    const { messageId } = await openNow();
    const [lost, uncertain] = [await createActor(), await createActor()];
    await createComment(lost, { messageId, body: "Claimed, never sent." });
    await createComment(uncertain, { messageId, body: "Claimed, sending started." });
    const now = Date.now();
    const claimedAt = new Date(now - 20 * 60_000);
    const runAfter = new Date(now - 30 * 60_000);
    await db.notification.updateMany({ where: { userId: lost.userId }, data: { runAfter, claimedAt, attempts: 1 } });
    await db.notification.updateMany({ where: { userId: uncertain.userId }, data: { runAfter, claimedAt, attempts: 1, sendingStartedAt: claimedAt } });

    await runNotificationRound(new Date(now - 10 * 60_000)); // a claim of ten minutes may still be working
    expect(await mailsTo(lost.email)).toEqual([]);
    await runNotificationRound(new Date(now));
    expect(await mailsTo(lost.email)).toHaveLength(1);
    expect(await notificationsOf(lost.userId)).toEqual([expect.objectContaining({ attempts: 2, sentAt: expect.any(Date) })]);
    expect(await mailsTo(uncertain.email)).toEqual([]);
    expect(await notificationsOf(uncertain.userId)).toEqual([expect.objectContaining({ attempts: 1, sentAt: null, claimedAt })]);
  });
});

describe("unsubscribe", () => {
  it("stops what the mail's link names with one POST, without a session; opening the link changes nothing", async () => {
    const { id } = await openNow();
    const follower = await createActor();
    await setFollow(follower, { consultationId: id, intent: "follow" });
    await notifyOutcomePublished(id, new Date());
    await runNotificationRound();
    const [mail] = await mailsTo(follower.email);
    const token = unsubscribeLinkIn(mail!.text)!;

    const opened = await unsubscribeGet(new Request(`http://localhost:3000/api/unsubscribe/${token}`), { params: Promise.resolve({ token }) });
    expect(opened.status).toBe(303);
    expect(opened.headers.get("location")).toBe(`http://localhost:3000/unsubscribe/${token}`);
    expect(await isFollowing(follower, id)).toBe(true);

    const response = await oneClick(token);
    expect(response.status).toBe(200);
    expect(await isFollowing(follower, id)).toBe(false);
    expect((await oneClick(token)).status).toBe(200);
  });

  it("turns off receipts, replies or all notifications, and refuses a forged token", async () => {
    const person = await createActor();
    await saveNotificationSettings(person, { frequency: "DAILY", receipts: true, replies: true });
    await oneClick(unsubscribeToken({ kind: "receipts", userId: person.userId }));
    expect(await getNotificationSettings(person)).toEqual({ frequency: "DAILY", receipts: false, replies: true });
    await oneClick(unsubscribeToken({ kind: "replies", userId: person.userId }));
    await oneClick(unsubscribeToken({ kind: "all", userId: person.userId }));
    expect(await getNotificationSettings(person)).toEqual({ frequency: "OFF", receipts: false, replies: false });

    const other = await createActor();
    const genuine = unsubscribeToken({ kind: "receipts", userId: person.userId });
    const forged = `${Buffer.from(`receipts:${other.userId}`).toString("base64url")}.${genuine.split(".")[1]}`;
    expect((await oneClick(forged)).status).toBe(404);
    expect((await oneClick("nonsense")).status).toBe(404);
    expect(await getNotificationSettings(other)).toEqual({ frequency: "IMMEDIATE", receipts: true, replies: false });
  });

  it("from the page's button, answers with the page saying it is done", async () => {
    const person = await createActor();
    const token = unsubscribeToken({ kind: "receipts", userId: person.userId });
    const response = await unsubscribePost(
      new Request(`http://localhost:3000/api/unsubscribe/${token}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "" }),
      { params: Promise.resolve({ token }) },
    );
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`http://localhost:3000/unsubscribe/${token}?done=1`);
    expect((await getNotificationSettings(person)).receipts).toBe(false);
  });
});
