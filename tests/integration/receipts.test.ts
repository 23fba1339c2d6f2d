import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { POST as commentRoute } from "@/app/api/v1/messages/[id]/comments/route";
import { createAccessToken } from "@/lib/auth/access-tokens";
import { createComment } from "@/lib/comments/create-comment";
import { RECEIPT_NUMBER_PATTERN } from "@/lib/comments/receipt-number";
import { db } from "@/lib/db/client";
import { saveNotificationSettings } from "@/lib/notifications/settings";
import { runNotificationRound } from "@/lib/notifications/worker";
import { importMarkdown } from "../support/consultations";
import { createActor } from "../support/factories";

const DRAFT = `# Access\n\n- 全球约有 26 亿人尚未接入互联网。加快国际合作对于弥合数字鸿沟至关重要。\n`;

async function openMessage() {
  const { id, slug } = await importMarkdown(DRAFT, { open: true, language: "zh" });
  const message = await db.message.findUniqueOrThrow({ where: { consultationId_number: { consultationId: id, number: "1.1" } } });
  return { slug, messageId: message.id };
}

const outboxTo = (to: string) => db.outboxMessage.findMany({ where: { to }, orderBy: { createdAt: "asc" } });

beforeEach(async () => {
  await db.rateLimitCounter.deleteMany();
});

afterEach(() => {
  process.env.CONSULT_DEV_OUTBOX = "1";
});

describe("receipts", () => {
  it("gives every comment and reply its own tracking number", async () => {
    const author = await createActor();
    const { messageId } = await openMessage();
    const { comment } = await createComment(author, { messageId, body: "第一条意见。" });
    const { comment: reply } = await createComment(author, { messageId, body: "补充一句。", parentId: comment.id });
    for (const each of [comment, reply]) expect(each.receiptNumber).toMatch(RECEIPT_NUMBER_PATTERN);
    expect(reply.receiptNumber).not.toBe(comment.receiptNumber);
    // Stored on the comment, unique by index.
    expect(await db.comment.count({ where: { receiptNumber: comment.receiptNumber } })).toBe(1);
  });

  it("is mailed to the author with the text, the server's time of acceptance and a link, once", async () => {
    const author = await createActor();
    const { messageId, slug } = await openMessage();
    const { comment } = await createComment(author, { messageId, body: "请补充具体的资金机制。" });
    // Queued by the insert itself, in the same statement.
    expect(await db.notification.findMany({ where: { commentId: comment.id }, select: { kind: true, userId: true, sentAt: true } })).toEqual([
      { kind: "RECEIPT", userId: author.userId, sentAt: null },
    ]);

    await runNotificationRound();
    await runNotificationRound();
    const mails = await outboxTo(author.email);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail!.subject).toContain(comment.receiptNumber!);
    expect(mail!.text).toContain(comment.receiptNumber!);
    expect(mail!.text).toContain("请补充具体的资金机制。");
    expect(mail!.text).toContain(comment.createdAt.toISOString());
    expect(mail!.text).toContain(`http://localhost:3000/consultations/${slug}/messages/1.1#comment-${comment.id}`);
    expect(mail!.text).toMatch(/http:\/\/localhost:3000\/unsubscribe\/\S+/);
    expect((await db.notification.findFirstOrThrow({ where: { commentId: comment.id } })).sentAt).not.toBeNull();
  });

  it("is in the write API's answer, and the same on an idempotent retry", async () => {
    const actor = await createActor();
    const { messageId } = await openMessage();
    const { token } = await createAccessToken(actor, { name: "Our tool" });
    const post = () =>
      commentRoute(
        new Request(`http://localhost:3000/api/v1/messages/${messageId}/comments`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "idempotency-key": "receipt-1" },
          body: JSON.stringify({ body: "Please name the funding mechanism." }),
        }),
        { params: Promise.resolve({ id: messageId }) },
      );
    const first = await (await post()).json();
    expect(first.receipt).toMatch(RECEIPT_NUMBER_PATTERN);
    expect((await (await post()).json()).receipt).toBe(first.receipt);
    // One comment, one receipt.
    expect(await db.notification.count({ where: { commentId: first.id, kind: "RECEIPT" } })).toBe(1);
  });

  it("is not queued for someone who turned receipts off, nor when no mail can be sent", async () => {
    const { messageId } = await openMessage();
    const declined = await createActor();
    await saveNotificationSettings(declined, { frequency: "IMMEDIATE", receipts: false, replies: false });
    const { comment: first } = await createComment(declined, { messageId, body: "No receipt, please." });
    expect(first.receiptNumber).toMatch(RECEIPT_NUMBER_PATTERN);
    expect(await db.notification.count({ where: { commentId: first.id } })).toBe(0);

    process.env.CONSULT_DEV_OUTBOX = "0";
    const author = await createActor();
    const { comment: second } = await createComment(author, { messageId, body: "Mail is not configured." });
    expect(second.receiptNumber).toMatch(RECEIPT_NUMBER_PATTERN);
    expect(await db.notification.count({ where: { commentId: second.id } })).toBe(0);
  });
});
