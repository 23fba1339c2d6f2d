import { beforeEach, describe, expect, it } from "vitest";
import { setAgreement } from "@/lib/comments/agree";
import { editComment, withdrawComment } from "@/lib/comments/change-comment";
import { createComment } from "@/lib/comments/create-comment";
import { newReceiptNumber } from "@/lib/comments/receipt-number";
import { db } from "@/lib/db/client";
import { insertComment } from "@/lib/db/insert-comment";
import { importMarkdown } from "../support/consultations";
import { failure } from "../support/failure";
import { createActor } from "../support/factories";

const DRAFT = `# Trust

- Trust is built on transparency.
`;

const MINUTES = 60_000;

/** The database's clock, which decides the deadline for every app instance. */
async function databaseNow() {
  const [row] = await db.$queryRaw<{ at: Date }[]>`select statement_timestamp() as at`;
  return row!.at;
}

async function openMessage() {
  const { id } = await importMarkdown(DRAFT, { open: true });
  const message = await db.message.findFirstOrThrow({ where: { consultationId: id } });
  return { consultationId: id, messageId: message.id };
}

const setTimes = (consultationId: string, times: { opensAt?: Date; closesAt?: Date }) => db.consultation.update({ where: { id: consultationId }, data: times });

const sleepUntil = async (at: Date) => {
  while ((await databaseNow()) < at) await new Promise((resolve) => setTimeout(resolve, 20));
};

beforeEach(async () => {
  await db.rateLimitCounter.deleteMany();
});

describe("the deadline on the database's clock", () => {
  it("an app clock minutes ahead still accepts before the database's closesAt, and stores the database's time", async () => {
    const author = await createActor();
    const { consultationId, messageId } = await openMessage();
    // A few seconds of margin for a busy machine; the app's clock is ten minutes past it.
    const closesAt = new Date((await databaseNow()).getTime() + 10_000);
    await setTimes(consultationId, { closesAt });
    const skewed = new Date(Date.now() + 10 * MINUTES);

    const before = await databaseNow();
    const { comment, created } = await createComment(author, { messageId, body: "Just in time, whatever my clock says." }, skewed);
    const after = await databaseNow();
    expect(created).toBe(true);
    expect(comment.createdAt.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(comment.createdAt.getTime()).toBeLessThanOrEqual(after.getTime());
    expect(comment.createdAt.getTime()).toBeLessThan(closesAt.getTime());
    const stored = await db.comment.findUniqueOrThrow({ where: { id: comment.id } });
    expect(stored.createdAt.getTime()).toBe(comment.createdAt.getTime());
    const audit = await db.auditEvent.findFirstOrThrow({ where: { subjectId: comment.id, action: "comment.created" } });
    expect(audit.createdAt.getTime()).toBe(comment.createdAt.getTime());
  });

  it("an app clock minutes behind cannot accept once the database's time has reached closesAt", async () => {
    const author = await createActor();
    const { consultationId, messageId } = await openMessage();
    const closesAt = new Date((await databaseNow()).getTime() + 300);
    await setTimes(consultationId, { closesAt });
    await sleepUntil(closesAt);
    const skewed = new Date(Date.now() - 10 * MINUTES);

    const late = await failure(createComment(author, { messageId, body: "My clock says there is time left." }, skewed));
    expect(late).toMatchObject({ code: "DEADLINE_PASSED", details: { closedAt: closesAt.toISOString(), timeZone: "UTC" } });
    expect(await db.comment.count({ where: { authorId: author.userId } })).toBe(0);
    // A refused attempt does not use up the person's allowance.
    expect(await db.rateLimitCounter.count({ where: { key: { contains: author.userId } } })).toBe(0);
  });

  it("refuses before opensAt on the database's clock even when the app's clock is past it", async () => {
    const author = await createActor();
    const { consultationId, messageId } = await openMessage();
    await setTimes(consultationId, { opensAt: new Date((await databaseNow()).getTime() + 5 * MINUTES) });
    const refused = await failure(createComment(author, { messageId, body: "Early." }, new Date(Date.now() + 10 * MINUTES)));
    expect(refused).toMatchObject({ code: "CONFLICT", details: { fieldErrors: { form: "errors.notYetOpen" } } });
  });

  it("the statement that writes refuses by itself when the deadline passed after the checks (another instance's read)", async () => {
    const author = await createActor();
    const { consultationId, messageId } = await openMessage();
    const version = await db.messageVersion.findFirstOrThrow({ where: { messageId } });
    await setTimes(consultationId, { closesAt: new Date((await databaseNow()).getTime() - 1) });
    const result = await insertComment({
      id: crypto.randomUUID(),
      messageId,
      versionId: version.id,
      translatedTextId: null,
      authorId: author.userId,
      parentId: null,
      repliedToId: null,
      body: "Checked open a moment ago.",
      bodyFingerprint: "checked open a moment ago",
      preModeration: false,
      language: "en",
      author: { name: "Ada", stakeholderGroup: "CIVIL_SOCIETY", region: "AFRICA", country: "KE", organisation: null },
      target: null,
      idempotencyKey: null,
      action: "comment.created",
      hits: [{ key: `comment:minute:${author.userId}`, limit: 10, windowStart: new Date() }],
      queueMail: true,
      drawReceiptNumber: newReceiptNumber,
    });
    expect(result).toMatchObject({ comment: null, open: false, counts: [] });
    expect(result.acceptedAt).toBeInstanceOf(Date);
    expect(await db.comment.count({ where: { authorId: author.userId } })).toBe(0);
    expect(await db.notification.count({ where: { userId: author.userId } })).toBe(0);
  });

  it("the same idempotency key after the deadline still returns the comment accepted before it", async () => {
    const author = await createActor();
    const { consultationId, messageId } = await openMessage();
    const first = await createComment(author, { messageId, body: "Sent once.", idempotencyKey: "deadline-retry" });
    await setTimes(consultationId, { closesAt: new Date((await databaseNow()).getTime() - 1) });
    const again = await createComment(author, { messageId, body: "Sent once.", idempotencyKey: "deadline-retry" }, new Date(Date.now() - 10 * MINUTES));
    expect(again).toMatchObject({ created: false, comment: { id: first.comment.id } });
  });

  it("edits and agreement follow the database's clock too, and are dated by it", async () => {
    const [author, other] = [await createActor(), await createActor()];
    const { consultationId, messageId } = await openMessage();
    const { comment } = await createComment(author, { messageId, body: "First text." });
    const closesAt = new Date((await databaseNow()).getTime() + 3000);
    await setTimes(consultationId, { closesAt });
    const ahead = new Date(Date.now() + 10 * MINUTES);
    const edited = await editComment(author, { commentId: comment.id, body: "Second text." }, ahead);
    expect(edited.editedAt!.getTime()).toBeLessThan(closesAt.getTime());
    expect(Math.abs(edited.editedAt!.getTime() - ahead.getTime())).toBeGreaterThan(MINUTES);
    await setAgreement(other, { commentId: comment.id }, true, ahead);

    await sleepUntil(closesAt);
    const behind = new Date(Date.now() - 10 * MINUTES);
    for (const attempt of [
      () => editComment(author, { commentId: comment.id, body: "Third text." }, behind),
      () => withdrawComment(author, { commentId: comment.id }),
      () => setAgreement(other, { commentId: comment.id }, false, behind),
    ]) {
      expect(await failure(attempt())).toMatchObject({ code: "DEADLINE_PASSED", details: { closedAt: closesAt.toISOString() } });
    }
    expect(await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).toMatchObject({ body: "Second text.", status: "PUBLISHED" });
    expect(await db.commentAgreement.count({ where: { commentId: comment.id } })).toBe(1);
  });
});
