import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as unsubscribePost } from "@/app/api/unsubscribe/[token]/route";
import { createComment } from "@/lib/comments/create-comment";
import { db } from "@/lib/db/client";
import { getNotificationSettings } from "@/lib/notifications/settings";
import { runNotificationRound } from "@/lib/notifications/worker";
import { importMarkdown } from "../support/consultations";
import { createActor } from "../support/factories";
import { startSmtpSink } from "../support/smtp-sink";

const DRAFT = `# 接入\n\n- 全球约有 26 亿人尚未接入互联网。\n`;
const refusals = new Map<string, number[]>();
let sink: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  // Each refused address is answered with the codes given, one per attempt, then accepted.
  sink = await startSmtpSink({ refuse: (address) => refusals.get(address)?.shift() ?? null });
});

afterAll(async () => {
  await sink.close();
});

beforeEach(async () => {
  await db.rateLimitCounter.deleteMany();
  process.env.SMTP_URL = sink.url;
  process.env.MAIL_FROM = "Consult <consult@example.org>";
});

afterEach(() => {
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
});

async function commentInChinese() {
  const { id } = await importMarkdown(DRAFT, { open: true, language: "zh" });
  const message = await db.message.findUniqueOrThrow({ where: { consultationId_number: { consultationId: id, number: "1.1" } } });
  const author = await createActor();
  await db.stakeholderProfile.update({ where: { userId: author.userId }, data: { preferredLanguage: "zh" } });
  const { comment } = await createComment(author, { messageId: message.id, body: "请补充具体的资金机制，例如普遍服务基金。" });
  return { author, comment };
}

const deliveredTo = (email: string) => sink.received.filter((mail) => mail.to.includes(email));

describe("delivery through SMTP", () => {
  it("sends the receipt in UTF-8 with one-click unsubscribe headers that work", async () => {
    const { author, comment } = await commentInChinese();
    await runNotificationRound();
    const mails = deliveredTo(author.email);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail!.header("from")).toBe("Consult <consult@example.org>");
    expect(mail!.header("content-type")).toMatch(/^text\/plain; charset=utf-8/i);
    expect(mail!.subject).toContain(`回执 ${comment.receiptNumber}`);
    expect(mail!.text).toContain(`回执编号：${comment.receiptNumber}`);
    expect(mail!.text).toContain("请补充具体的资金机制，例如普遍服务基金。");
    expect(mail!.text).toContain(comment.createdAt.toISOString());
    const notification = await db.notification.findFirstOrThrow({ where: { commentId: comment.id, kind: "RECEIPT" } });
    expect(mail!.header("message-id")).toBe(`<${notification.id}@localhost>`);

    // RFC 8058: an HTTPS (here the test site's) URL in List-Unsubscribe, and the One-Click POST marker.
    expect(mail!.header("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    const link = /^<(http:\/\/localhost:3000\/api\/unsubscribe\/([^>]+))>$/.exec(mail!.header("list-unsubscribe") ?? "");
    expect(link).not.toBeNull();
    const token = decodeURIComponent(link![2]!);
    const response = await unsubscribePost(new Request(link![1]!, { method: "POST", body: "List-Unsubscribe=One-Click" }), { params: Promise.resolve({ token }) });
    expect(response.status).toBe(200);
    expect((await getNotificationSettings(author)).receipts).toBe(false);
  });

  it("retries a mail the server refused for now, after a back-off, and sends it once", async () => {
    const { author } = await commentInChinese();
    refusals.set(author.email, [451, 421]);
    const start = Date.now();
    await runNotificationRound(new Date(start));
    const row = () => db.notification.findFirstOrThrow({ where: { userId: author.userId, kind: "RECEIPT" } });
    expect(await row()).toMatchObject({ attempts: 1, claimedAt: null, sentAt: null, failedAt: null, runAfter: new Date(start + 60_000) });
    expect((await row()).lastError).toMatch(/451/);

    await runNotificationRound(new Date(start + 30_000)); // not due yet
    expect((await row()).attempts).toBe(1);
    await runNotificationRound(new Date(start + 60_000));
    expect(await row()).toMatchObject({ attempts: 2, claimedAt: null, sentAt: null, runAfter: new Date(start + 60_000 + 120_000) });
    await runNotificationRound(new Date(start + 180_000));
    await runNotificationRound(new Date(start + 600_000));
    expect(await row()).toMatchObject({ attempts: 3, sentAt: expect.any(Date), failedAt: null });
    expect(deliveredTo(author.email)).toHaveLength(1);
  });

  it("gives up on a mail the server refused for good, keeping the codes but not the address the refusal names", async () => {
    const { author } = await commentInChinese();
    refusals.set(author.email, [550]);
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    let logged: string;
    try {
      await runNotificationRound();
      await runNotificationRound(new Date(Date.now() + 3_600_000));
      logged = log.mock.calls.flat().map(String).join("\n");
    } finally {
      log.mockRestore();
    }
    const row = await db.notification.findFirstOrThrow({ where: { userId: author.userId, kind: "RECEIPT" } });
    expect(row).toMatchObject({ attempts: 1, sentAt: null, failedAt: expect.any(Date), lastError: "refused: Error EENVELOPE 550 RCPT TO" });
    expect(logged).toContain(`RECEIPT ${row.id}, attempt 1: refused: Error EENVELOPE 550 RCPT TO`);
    expect(logged).not.toContain(author.email);
    expect(deliveredTo(author.email)).toEqual([]);
  });
});
