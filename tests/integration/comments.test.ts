import { beforeEach, describe, expect, it } from "vitest";
import { setAgreement } from "@/lib/comments/agree";
import { editComment, withdrawComment } from "@/lib/comments/change-comment";
import { COMMENT_LIMITS, createComment } from "@/lib/comments/create-comment";
import { getMessageDiscussion, threadOrder, type ThreadOrder } from "@/lib/comments/message-discussion";
import { editMessageText } from "@/lib/consultations/edit-structure";
import { db, disconnectDb } from "@/lib/db/client";
import { importMarkdown } from "../support/consultations";
import { failure } from "../support/failure";
import { createActor } from "../support/factories";

const DRAFT = `# Trust

- Trust is built on transparency. Transparency needs independent audits and public reporting.
- 全球海底电缆网络的韧性取决于主动规划、内置冗余以及快速响应事件的能力。
`;

async function openMessage(number = "1.1") {
  const { id, slug } = await importMarkdown(DRAFT, { open: true });
  const message = await db.message.findUniqueOrThrow({
    where: { consultationId_number: { consultationId: id, number } },
    include: { versions: true },
  });
  return { consultationId: id, slug, messageId: message.id, text: message.versions[0]!.text };
}


async function setDeadline(consultationId: string, closesAt: Date) {
  await db.consultation.update({ where: { id: consultationId }, data: { closesAt } });
}

beforeEach(async () => {
  await db.rateLimitCounter.deleteMany();
});

describe("writing comments", () => {
  it("stores a comment with the author's declared identity as it was", async () => {
    const author = await createActor();
    const { messageId } = await openMessage();
    const { comment, created } = await createComment(author, { messageId, body: "  Add a sentence on audits.\nAnd on reporting.  " });
    expect(created).toBe(true);
    expect(comment).toMatchObject({
      body: "Add a sentence on audits.\nAnd on reporting.",
      authorName: "Ada Participant",
      authorStakeholderGroup: "CIVIL_SOCIETY",
      authorRegion: "AFRICA",
      authorCountry: "KE",
      status: "PUBLISHED",
      quoteExact: null,
    });
    // A later profile change does not rewrite what was said under the earlier one.
    await db.stakeholderProfile.update({ where: { userId: author.userId }, data: { stakeholderGroup: "GOVERNMENT" } });
    expect((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).authorStakeholderGroup).toBe("CIVIL_SOCIETY");
    expect(await db.auditEvent.count({ where: { subjectId: comment.id, action: "comment.created" } })).toBe(1);
  });

  it("stores the comment's language: the one given (canonical), else the author's profile language; a malformed one is refused", async () => {
    const author = await createActor();
    const { messageId } = await openMessage("1.2");
    const given = await createComment(author, { messageId, body: "建议写明冗余的具体要求。", language: "ZH-hans" });
    expect(given.comment.language).toBe("zh-Hans");
    const defaulted = await createComment(author, { messageId, body: "Name the repair ships." });
    expect(defaulted.comment.language).toBe("en");
    const refused = await failure(createComment(author, { messageId, body: "Unsure.", language: "not a language" }));
    expect(refused.details.fieldErrors).toEqual({ language: "errors.languageInvalid" });
    const { threads } = await getMessageDiscussion(null, messageId, (await db.messageVersion.findFirstOrThrow({ where: { messageId } })).id, {});
    expect(threads.map((thread) => thread.language)).toEqual(["zh-Hans", "en"]);
  });

  it("stores the time in UTC whatever the database's own time zone", async () => {
    const [database] = await db.$queryRaw<{ name: string }[]>`select current_database() as name`;
    const name = database!.name;
    await db.$executeRawUnsafe(`alter database "${name}" set timezone to 'Asia/Kolkata'`);
    await disconnectDb();
    try {
      const author = await createActor();
      const { messageId } = await openMessage();
      const before = Date.now();
      const { comment } = await createComment(author, { messageId, body: "What time is it?" });
      const stored = await db.comment.findUniqueOrThrow({ where: { id: comment.id } });
      expect(Math.abs(stored.createdAt.getTime() - before)).toBeLessThan(60_000);
      expect(comment.createdAt.getTime()).toBe(stored.createdAt.getTime());
    } finally {
      await db.$executeRawUnsafe(`alter database "${name}" reset timezone`);
      await disconnectDb();
    }
  });

  it("annotates a passage by selectors, by a typed quote, and refuses what does not match", async () => {
    const author = await createActor();
    const { messageId, text } = await openMessage("1.2");
    const start = text.indexOf("主动规划");
    const bySelector = await createComment(author, {
      messageId,
      body: "规划之外还需要维修能力。",
      selector: { exact: "主动规划", prefix: text.slice(0, start), suffix: text.slice(start + 4, start + 10), start, end: start + 4 },
    });
    expect(bySelector.comment).toMatchObject({ quoteExact: "主动规划", positionStart: start, positionEnd: start + 4 });

    const byQuote = await createComment(author, { messageId, body: "Redundancy matters.", quote: "内置冗余" });
    expect(byQuote.comment.positionStart).toBe(text.indexOf("内置冗余"));

    const mismatch = await failure(createComment(author, { messageId, body: "x", selector: { exact: "主动规划", start: 0, end: 4 } }));
    expect(mismatch).toMatchObject({ code: "VALIDATION", status: 422, details: { fieldErrors: { selector: "errors.selectorMismatch" } } });
    const missing = await failure(createComment(author, { messageId, body: "x", quote: "不存在的文字" }));
    expect(missing.details.fieldErrors).toEqual({ quote: "errors.quoteNotFound" });
  });

  it("offers the nearest passages for a quote that is not in the text, and takes the one chosen", async () => {
    const author = await createActor();
    const { messageId, text } = await openMessage("1.2");
    // One variant character: 冗于 for 冗余.
    const refused = await failure(createComment(author, { messageId, body: "冗余很重要。", quote: "内置冗于以及" }));
    expect(refused.details.fieldErrors).toEqual({ quote: "errors.quoteNotFound" });
    const start = text.indexOf("内置冗余以及");
    expect(refused.details.passages?.[0]).toEqual({ start, end: start + 6, exact: "内置冗余以及" });

    const chosen = await createComment(author, { messageId, body: "冗余很重要。", quote: "内置冗于以及", quoteChoice: `${start}:${start + 6}` });
    expect(chosen.comment).toMatchObject({ quoteExact: "内置冗余以及", positionStart: start, positionEnd: start + 6 });

    const outside = await failure(createComment(author, { messageId, body: "x", quoteChoice: `${start}:${text.length + 1}` }));
    expect(outside.details.fieldErrors).toEqual({ quote: "errors.quoteChoiceInvalid" });
    const malformed = await failure(createComment(author, { messageId, body: "x", quoteChoice: "1-2" }));
    expect(malformed.details.fieldErrors).toEqual({ quoteChoice: "errors.quoteChoiceInvalid" });
  });

  it("asks for a longer quote when a passage repeats, unless the selection says where", async () => {
    const author = await createActor();
    const { messageId, text } = await openMessage("1.1");
    const ambiguous = await failure(createComment(author, { messageId, body: "x", quote: "ransparency" }));
    expect(ambiguous.details.fieldErrors).toEqual({ quote: "errors.quoteAmbiguous" });
    const second = text.lastIndexOf("ransparency");
    const located = await createComment(author, { messageId, body: "The second one.", quote: "ransparency", quoteStart: second, quoteEnd: second + 11 });
    expect(located.comment.positionStart).toBe(second);
  });

  it("checks body length after trimming", async () => {
    const author = await createActor();
    const { messageId } = await openMessage();
    expect((await failure(createComment(author, { messageId, body: " \n " }))).details.fieldErrors).toEqual({ body: "errors.commentBodyRequired" });
    expect((await failure(createComment(author, { messageId, body: "x".repeat(5001) }))).details.fieldErrors).toEqual({ body: "errors.commentBodyTooLong" });
    await expect(createComment(author, { messageId, body: ` ${"x".repeat(5000)} ` })).resolves.toBeTruthy();
    expect((await failure(createComment(author, { messageId, body: "x", quote: "y".repeat(1001) }))).details.fieldErrors).toEqual({ quote: "errors.quoteTooLong" });
  });

  it("creates one comment for one idempotency key, also when sent at the same time", async () => {
    const author = await createActor();
    const { messageId } = await openMessage();
    const input = { messageId, body: "Once only.", idempotencyKey: "form-123" };
    const [a, b] = await Promise.all([createComment(author, input), createComment(author, input)]);
    expect(a.comment.id).toBe(b.comment.id);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    const again = await createComment(author, input);
    expect(again).toMatchObject({ created: false, comment: { id: a.comment.id } });
    expect(await db.comment.count({ where: { messageId, authorId: author.userId } })).toBe(1);
    // The key is per author: someone else's identical key is another comment.
    const other = await createComment(await createActor(), input);
    expect(other.comment.id).not.toBe(a.comment.id);
  });

  it("threads replies one level deep", async () => {
    const [author, replier] = [await createActor(), await createActor()];
    const { messageId } = await openMessage();
    const { comment: root } = await createComment(author, { messageId, body: "Root." });
    const { comment: reply } = await createComment(replier, { messageId, body: "Reply.", parentId: root.id });
    const { comment: nested } = await createComment(author, { messageId, body: "Reply to the reply.", parentId: reply.id });
    expect(reply.parentId).toBe(root.id);
    expect(nested.parentId).toBe(root.id);
    const quoted = await failure(createComment(author, { messageId, body: "x", parentId: root.id, quote: "Trust" }));
    expect(quoted.details.fieldErrors).toEqual({ quote: "errors.replyWithQuote" });
  });

  it("limits comments per person per minute and tells when to try again", async () => {
    const author = await createActor();
    const { messageId } = await openMessage();
    const now = new Date();
    for (let i = 0; i < COMMENT_LIMITS.perMinute.limit; i++) await createComment(author, { messageId, body: `Comment ${i}` }, now);
    const limited = await failure(createComment(author, { messageId, body: "One too many" }, now));
    expect(limited.code).toBe("RATE_LIMITED");
    expect(limited.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(limited.details.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(await db.comment.count({ where: { authorId: author.userId } })).toBe(COMMENT_LIMITS.perMinute.limit);
    expect(await db.auditEvent.count({ where: { actorId: author.userId, action: "comment.created" } })).toBe(COMMENT_LIMITS.perMinute.limit);
    // Someone else is not affected.
    await expect(createComment(await createActor(), { messageId, body: "Mine" }, now)).resolves.toBeTruthy();
  });

  it("does not count refused attempts against the limit", async () => {
    const author = await createActor();
    const { messageId } = await openMessage();
    const now = new Date();
    for (let i = 0; i < COMMENT_LIMITS.perMinute.limit; i++) {
      expect((await failure(createComment(author, { messageId, body: `Quote ${i}`, quote: "not in this message" }, now))).code).toBe("VALIDATION");
    }
    await expect(createComment(author, { messageId, body: "Within the limit" }, now)).resolves.toMatchObject({ created: true });
  });

  it("answers a retry that races the first submission with the first comment, even at the limit", async () => {
    const author = await createActor();
    const { messageId } = await openMessage();
    const now = new Date();
    for (let i = 0; i < COMMENT_LIMITS.perMinute.limit - 1; i++) await createComment(author, { messageId, body: `Comment ${i}` }, now);
    const input = { messageId, body: "The last one this minute", idempotencyKey: "retry-at-the-limit" };
    const [a, b] = await Promise.all([createComment(author, input, now), createComment(author, input, now)]);
    expect(a.comment.id).toBe(b.comment.id);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(await db.comment.count({ where: { authorId: author.userId } })).toBe(COMMENT_LIMITS.perMinute.limit);
  });

  it("holds the limit when one person's submissions arrive at the same time", async () => {
    const author = await createActor();
    const { messageId } = await openMessage();
    const now = new Date();
    const attempts = COMMENT_LIMITS.perMinute.limit + 5;
    const results = await Promise.allSettled(Array.from({ length: attempts }, (_, i) => createComment(author, { messageId, body: `Burst ${i}` }, now)));
    const refused = results.filter((result) => result.status === "rejected");
    expect(refused).toHaveLength(5);
    for (const result of refused) expect((result as PromiseRejectedResult).reason.code).toBe("RATE_LIMITED");
    expect(await db.comment.count({ where: { authorId: author.userId } })).toBe(COMMENT_LIMITS.perMinute.limit);
  });
});

describe("the deadline", () => {
  it("refuses a comment at the exact instant closesAt on the database's clock", async () => {
    const author = await createActor();
    const { messageId, consultationId } = await openMessage();
    // The database's clock decides (tests/integration/deadline-clock.test.ts): closesAt equal to its time now has passed.
    const [{ at }] = (await db.$queryRaw<{ at: Date }[]>`select statement_timestamp() as at`) as [{ at: Date }];
    await setDeadline(consultationId, at);
    const late = await failure(createComment(author, { messageId, body: "Too late" }, new Date(at.getTime() - 60_000)));
    expect(late).toMatchObject({ code: "DEADLINE_PASSED", details: { closedAt: at.toISOString() } });
  });

  it("refuses edits, withdrawals, replies and agreement after the deadline", async () => {
    const [author, other] = [await createActor(), await createActor()];
    const { messageId, consultationId } = await openMessage();
    const { comment } = await createComment(author, { messageId, body: "Before." });
    await setDeadline(consultationId, new Date(Date.now() - 1000));
    for (const attempt of [
      () => editComment(author, { commentId: comment.id, body: "After." }),
      () => withdrawComment(author, { commentId: comment.id }),
      () => createComment(other, { messageId, body: "Reply", parentId: comment.id }),
      () => setAgreement(other, { commentId: comment.id }, true),
    ]) {
      expect((await failure(attempt())).code).toBe("DEADLINE_PASSED");
    }
  });
});

describe("who may write", () => {
  it("refuses anonymous visitors, people without a profile and suspended people", async () => {
    const { messageId } = await openMessage();
    expect((await failure(createComment(null, { messageId, body: "x" }))).code).toBe("UNAUTHENTICATED");
    expect((await failure(createComment(await createActor({ profile: false }), { messageId, body: "x" }))).code).toBe("PROFILE_INCOMPLETE");
    expect((await failure(createComment(await createActor({ suspended: true }), { messageId, body: "x" }))).code).toBe("SUSPENDED");
  });

  it("lets only the author edit or withdraw, keeping every earlier text", async () => {
    const [author, other] = [await createActor(), await createActor()];
    const { messageId } = await openMessage();
    const { comment } = await createComment(author, { messageId, body: "First text." });
    expect((await failure(editComment(other, { commentId: comment.id, body: "Hijacked" }))).code).toBe("FORBIDDEN");
    expect((await failure(withdrawComment(other, { commentId: comment.id }))).code).toBe("FORBIDDEN");
    await editComment(author, { commentId: comment.id, body: "Second text." });
    const edited = await editComment(author, { commentId: comment.id, body: "Third text." });
    expect(edited.editedAt).toBeInstanceOf(Date);
    const revisions = await db.commentRevision.findMany({ where: { commentId: comment.id }, orderBy: { createdAt: "asc" } });
    expect(revisions.map((revision) => revision.body)).toEqual(["First text.", "Second text."]);

    const withdrawn = await withdrawComment(author, { commentId: comment.id });
    expect(withdrawn).toMatchObject({ status: "WITHDRAWN", body: "Third text." });
    expect((await failure(editComment(author, { commentId: comment.id, body: "Back" }))).details.fieldErrors).toEqual({ form: "errors.commentNotEditable" });
  });

  it("counts one agreement per person, never one's own, and lets it be undone", async () => {
    const [author, a, b] = [await createActor(), await createActor(), await createActor()];
    const { messageId, text } = await openMessage();
    const { comment } = await createComment(author, { messageId, body: "Agree with me." });
    expect(await setAgreement(a, { commentId: comment.id }, true)).toEqual({ agreed: true, count: 1 });
    expect(await setAgreement(a, { commentId: comment.id }, true)).toEqual({ agreed: true, count: 1 });
    expect(await setAgreement(b, { commentId: comment.id }, true)).toEqual({ agreed: true, count: 2 });
    expect(await setAgreement(a, { commentId: comment.id }, false)).toEqual({ agreed: false, count: 1 });
    expect((await failure(setAgreement(author, { commentId: comment.id }, true))).details.fieldErrors).toEqual({ form: "errors.agreeOwnComment" });
    const version = await db.messageVersion.findFirstOrThrow({ where: { messageId, text } });
    const discussion = await getMessageDiscussion(b, messageId, version.id);
    expect(discussion.threads[0]).toMatchObject({ agreementCount: 1, agreedByViewer: true, mine: false });
  });

  it("orders threads oldest first, newest first, or most agreed with first", async () => {
    const { messageId } = await openMessage();
    const version = await db.messageVersion.findFirstOrThrow({ where: { messageId } });
    const at = (minutes: number) => new Date(Date.now() - 60 * 60_000 + minutes * 60_000);
    const first = (await createComment(await createActor(), { messageId, body: "First" }, at(1))).comment;
    const second = (await createComment(await createActor(), { messageId, body: "Second" }, at(2))).comment;
    const third = (await createComment(await createActor(), { messageId, body: "Third" }, at(3))).comment;
    for (let i = 0; i < 2; i++) await setAgreement(await createActor(), { commentId: third.id }, true);
    await setAgreement(await createActor(), { commentId: second.id }, true);
    const ids = async (order: ThreadOrder) => (await getMessageDiscussion(null, messageId, version.id, { order })).threads.map((thread) => thread.id);
    expect(await ids("oldest")).toEqual([first.id, second.id, third.id]);
    expect(await ids("newest")).toEqual([third.id, second.id, first.id]);
    expect(await ids("agreed")).toEqual([third.id, second.id, first.id]);
    expect(threadOrder("nonsense")).toBe("oldest");
    expect(threadOrder(["agreed"])).toBe("oldest");
  });
});

describe("re-anchoring on a new version", () => {
  it("moves exact quotes, follows reworded ones and marks removed ones as text changed", async () => {
    const author = await createActor();
    const secretariat = await createActor({ role: "SECRETARIAT" });
    const { messageId, text } = await openMessage("1.1");
    const make = (quote: string, hint?: number) =>
      createComment(author, { messageId, body: `On ${quote}`, quote, ...(hint === undefined ? {} : { quoteStart: hint, quoteEnd: hint + quote.length }) });
    const { comment: exact } = await make("independent audits");
    const { comment: reworded } = await make("Trust is built on transparency.");
    const { comment: removed } = await make("public reporting");

    const newText = "Trust is built upon transparency. Transparency needs independent audits, published budgets and open data.";
    await editMessageText(secretariat, { messageId, text: newText });
    const current = await db.messageVersion.findFirstOrThrow({ where: { messageId }, orderBy: { number: "desc" } });
    const discussion = await getMessageDiscussion(null, messageId, current.id);
    const anchorOf = (id: string) => discussion.threads.find((thread) => thread.id === id)?.quote?.anchor;
    expect(anchorOf(exact.id)).toEqual({ status: "EXACT", start: newText.indexOf("independent audits"), end: newText.indexOf("independent audits") + 18 });
    expect(anchorOf(reworded.id)?.status).toBe("FUZZY");
    expect(anchorOf(removed.id)).toEqual({ status: "ORPHANED", start: null, end: null });
    expect(discussion.highlights.map((highlight) => highlight.id).sort()).toEqual([exact.id, reworded.id].sort());
    expect(text).not.toBe(newText);
  });
});

describe("a withdrawn annotation", () => {
  it("shows only its placeholder, never 'text changed', and the other notes keep their numbers", async () => {
    const author = await createActor();
    const { messageId, text } = await openMessage("1.1");
    const version = await db.messageVersion.findFirstOrThrow({ where: { messageId } });
    const { comment: first } = await createComment(author, { messageId, body: "On trust.", quote: "Trust is built" });
    const { comment: second } = await createComment(author, { messageId, body: "On audits.", quote: "independent audits" });
    const { comment: third } = await createComment(author, { messageId, body: "On reporting.", quote: "public reporting" });
    const before = await getMessageDiscussion(null, messageId, version.id);
    expect(before.highlights.map(({ id, number }) => [id, number])).toEqual([[first.id, 1], [second.id, 2], [third.id, 3]]);

    await withdrawComment(author, { commentId: first.id });
    const after = await getMessageDiscussion(null, messageId, version.id);
    const withdrawn = after.threads.find((thread) => thread.id === first.id)!;
    expect(withdrawn).toMatchObject({ status: "WITHDRAWN", body: null, quote: null });
    // The message never changed: the others are still exactly where they were, under the same numbers.
    expect(after.highlights.map(({ id, number, start }) => [id, number, start])).toEqual([
      [second.id, 2, text.indexOf("independent audits")],
      [third.id, 3, text.indexOf("public reporting")],
    ]);
    expect(after.threads.find((thread) => thread.id === second.id)?.quote?.anchor.status).toBe("CURRENT");
  });
});
