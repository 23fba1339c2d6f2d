import { createHash } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { editComment } from "@/lib/comments/change-comment";
import { createComment } from "@/lib/comments/create-comment";
import { db } from "@/lib/db/client";
import { appealHiding, decideAppeal } from "@/lib/moderation/appeals";
import { approveComment, decideMany, hideComment } from "@/lib/moderation/decisions";
import { commentEvidence, userEvidence } from "@/lib/moderation/evidence";
import { flagComment } from "@/lib/moderation/flag";
import { moderationQueue, queueQuery } from "@/lib/moderation/queue";
import { moderationReport, reportQuery } from "@/lib/moderation/report";
import { AUTO_HIDE_FLAGS } from "@/lib/moderation/schemas";
import { suspendUser } from "@/lib/moderation/suspension";
import { importMarkdown } from "../support/consultations";
import { failure } from "../support/failure";
import { createActor } from "../support/factories";

const DRAFT = `# Trust

- Trust is built on transparency.
- Transparency needs independent audits.
`;

async function consultationWithComments(count: number, body = (index: number) => `Comment number ${index}.`) {
  const { id, slug } = await importMarkdown(DRAFT, { open: true });
  const message = await db.message.findFirstOrThrow({ where: { consultationId: id }, orderBy: { position: "asc" } });
  const comments = [];
  for (let index = 0; index < count; index++) {
    const author = await createActor();
    const { comment } = await createComment(author, { messageId: message.id, body: body(index) });
    comments.push({ author, id: comment.id });
  }
  return { slug, consultationId: id, comments };
}

const at = (iso: string) => new Date(iso);
const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

beforeEach(async () => {
  await db.rateLimitCounter.deleteMany();
});

describe("the moderation queue", () => {
  it("lists flagged and appealed comments oldest first, with their flags and the author's history, filtered and paged", async () => {
    const { slug, comments } = await consultationWithComments(3);
    const moderator = await createActor({ role: "SECRETARIAT" });
    const [reader1, reader2] = [await createActor(), await createActor()];
    await flagComment(reader1, { commentId: comments[1]!.id, reason: "OFF_TOPIC" }, { now: at("2026-03-01T10:00:00Z") });
    await flagComment(reader2, { commentId: comments[0]!.id, reason: "SPAM" }, { now: at("2026-03-02T10:00:00Z") });
    await flagComment(reader1, { commentId: comments[0]!.id, reason: "OTHER", note: "Advertises a product." }, { now: at("2026-03-03T10:00:00Z") });

    const queue = await moderationQueue(moderator, queueQuery({ consultation: slug }, 1));
    expect(queue.total).toBe(2);
    expect(queue.items.map((item) => item.id)).toEqual([comments[1]!.id, comments[0]!.id]);
    const second = queue.items[1]!;
    expect(second).toMatchObject({ openFlags: 2, appealId: null, author: { comments: 1, hidden: 0, suspended: false } });
    expect(second.comment.flags.map((flag) => [flag.reason, flag.note, flag.bodySnapshot])).toEqual([
      ["SPAM", null, "Comment number 0."],
      ["OTHER", "Advertises a product.", "Comment number 0."],
    ]);
    expect(second.comment.message).toMatchObject({ number: "1.1", consultation: { slug } });

    expect((await moderationQueue(moderator, queueQuery({ consultation: slug, reason: "SPAM" }, 1))).items.map((item) => item.id)).toEqual([comments[0]!.id]);
    expect((await moderationQueue(moderator, queueQuery({ consultation: slug, state: "pending" }, 1))).total).toBe(0);
    // Unknown filter values are no filter; a page beyond the last shows the last.
    expect((await moderationQueue(moderator, queueQuery({ consultation: slug, reason: "RUDE", state: "everything" }, 9))).items).toHaveLength(2);

    // Decided comments leave the queue; an appeal brings one back.
    await hideComment(moderator, { commentId: comments[1]!.id, reason: "OFF_TOPIC", publicNote: "Not about this message." });
    await approveComment(moderator, { commentId: comments[0]!.id });
    expect((await moderationQueue(moderator, queueQuery({ consultation: slug }, 1))).total).toBe(0);
    await appealHiding(comments[1]!.author, { commentId: comments[1]!.id, text: "It answers the message's second sentence." });
    const appealed = await moderationQueue(moderator, queueQuery({ consultation: slug, state: "appealed" }, 1));
    expect(appealed.items.map((item) => [item.id, item.comment.appeals[0]?.text])).toEqual([[comments[1]!.id, "It answers the message's second sentence."]]);
    expect((await failure(moderationQueue(reader1, queueQuery({}, 1)))).code).toBe("FORBIDDEN");
  });

  it("decides a flood of identical spam at once, reporting the comments another moderator decided meanwhile", async () => {
    const { slug, comments } = await consultationWithComments(4, () => "Cheap watches at example.test");
    const moderator = await createActor({ role: "SECRETARIAT" });
    const reader = await createActor();
    for (const comment of comments) await flagComment(reader, { commentId: comment.id, reason: "SPAM" });
    await db.comment.update({ where: { id: comments[3]!.id }, data: { status: "WITHDRAWN" } });
    const result = await decideMany(moderator, {
      decision: "hide",
      commentIds: comments.map((comment) => comment.id),
      reason: "SPAM",
      publicNote: "Advertising.",
    });
    expect(result).toEqual({ decided: 3, refused: [{ commentId: comments[3]!.id, code: "CONFLICT" }] });
    expect(await db.comment.count({ where: { id: { in: comments.map((comment) => comment.id) }, status: "HIDDEN" } })).toBe(3);
    expect(await db.auditEvent.count({ where: { subjectId: { in: comments.map((comment) => comment.id) }, action: "comment.hidden" } })).toBe(3);
    expect((await moderationQueue(moderator, queueQuery({ consultation: slug }, 1))).items.map((item) => item.id)).toEqual([comments[3]!.id]);
    expect((await failure(decideMany(moderator, { decision: "hide", commentIds: [comments[0]!.id], reason: "SPAM" }))).details.fieldErrors).toEqual({
      publicNote: "errors.publicNoteRequired",
    });
    expect((await failure(decideMany(moderator, { decision: "delete", commentIds: [comments[0]!.id] }))).code).toBe("VALIDATION");
  });
});

describe("appeals", () => {
  it("lets the author appeal a hiding once; another moderator decides; a reversal publishes the comment again", async () => {
    const { comments } = await consultationWithComments(1);
    const { author, id: commentId } = comments[0]!;
    const hider = await createActor({ role: "SECRETARIAT" });
    const other = await createActor({ role: "SECRETARIAT" });
    const stranger = await createActor();

    expect((await failure(appealHiding(author, { commentId, text: "Why?" }))).details.fieldErrors).toEqual({ form: "errors.nothingToAppeal" });
    await hideComment(hider, { commentId, reason: "HARASSMENT_OR_HATE", publicNote: "Insults another participant." });
    expect((await failure(appealHiding(stranger, { commentId, text: "Not mine." }))).code).toBe("FORBIDDEN");
    expect((await failure(appealHiding(author, { commentId, text: " " }))).details.fieldErrors).toEqual({ text: "errors.appealTextRequired" });
    const appeal = await appealHiding(author, { commentId, text: "I quoted the insult to condemn it." });
    expect((await failure(appealHiding(author, { commentId, text: "Again." }))).details.fieldErrors).toEqual({ form: "errors.alreadyAppealed" });

    expect((await failure(decideAppeal(hider, { appealId: appeal.id, outcome: "REVERSED", note: "Fair." }))).code).toBe("FORBIDDEN");
    expect((await failure(decideAppeal(other, { appealId: appeal.id, outcome: "REVERSED" }))).details.fieldErrors).toEqual({ note: "errors.appealNoteRequired" });
    await decideAppeal(other, { appealId: appeal.id, outcome: "REVERSED", note: "The quote condemns the insult." });
    expect((await db.comment.findUniqueOrThrow({ where: { id: commentId } })).status).toBe("PUBLISHED");
    expect(await db.appeal.findUniqueOrThrow({ where: { id: appeal.id } })).toMatchObject({ outcome: "REVERSED", decidedById: other.userId });
    expect((await failure(decideAppeal(other, { appealId: appeal.id, outcome: "UPHELD", note: "Changed my mind." }))).details.fieldErrors).toEqual({
      form: "errors.appealAlreadyDecided",
    });
    const audit = await db.auditEvent.findMany({ where: { subjectId: commentId }, orderBy: { id: "asc" } });
    expect(audit.map((event) => event.action)).toEqual(["comment.created", "comment.hidden", "comment.appealed", "comment.restored", "appeal.reversed"]);
  });
});

describe("evidence", () => {
  it("exports every text a comment had, its flags with what they saw, the actions, appeals and audit, each text with its SHA-256", async () => {
    const { comments } = await consultationWithComments(1, () => "First words.");
    const { author, id: commentId } = comments[0]!;
    const moderator = await createActor({ role: "ADMIN" });
    const reader = await createActor();
    await flagComment(reader, { commentId, reason: "PERSONAL_DATA" });
    await editComment(author, { commentId, body: "Second words." });
    await hideComment(moderator, { commentId, reason: "PERSONAL_DATA", publicNote: "Named a private person." });
    await suspendUser(moderator, { userId: author.userId, reason: "Doxxing." });

    const { comment } = await commentEvidence(moderator, commentId);
    expect(comment.versions.map((version) => [version.body, version.sha256])).toEqual([
      ["First words.", sha256("First words.")],
      ["Second words.", sha256("Second words.")],
    ]);
    expect(comment.flags).toEqual([expect.objectContaining({ reason: "PERSONAL_DATA", bodySnapshot: "First words.", bodySnapshotSha256: sha256("First words."), resolution: "UPHELD" })]);
    expect(comment.actions.map((action) => [action.action, action.reason, action.publicNote])).toEqual([["HIDE_COMMENT", "PERSONAL_DATA", "Named a private person."]]);
    expect(comment.audit.map((event) => event.action)).toEqual(["comment.created", "comment.flagged", "comment.edited", "comment.hidden"]);

    const { user } = await userEvidence(moderator, author.userId);
    expect(user.comments.map((item) => item.id)).toEqual([commentId]);
    expect(user.actions.map((action) => [action.action, action.note])).toEqual([["SUSPEND_USER", "Doxxing."]]);
    expect(JSON.parse(JSON.stringify(user)).audit.map((event: { action: string }) => event.action)).toContain("user.suspended");

    expect((await failure(commentEvidence(reader, commentId))).code).toBe("FORBIDDEN");
    expect((await failure(userEvidence(moderator, "no-such-person"))).code).toBe("NOT_FOUND");
  });
});

describe("the transparency report", () => {
  it("gives the known figures for a seeded set of flags, decisions and appeals, per consultation and per month", async () => {
    const { slug, comments } = await consultationWithComments(4);
    const [first, second, third, fourth] = comments.map((comment) => comment.id) as [string, string, string, string];
    const moderator = await createActor({ role: "SECRETARIAT" });
    const other = await createActor({ role: "SECRETARIAT" });
    const readers = await Promise.all(Array.from({ length: AUTO_HIDE_FLAGS }, () => createActor()));

    // January: the first comment flagged twice (spam), hidden 2 hours after its first flag.
    await flagComment(readers[0]!, { commentId: first, reason: "SPAM" }, { now: at("2026-01-10T08:00:00Z") });
    await flagComment(readers[1]!, { commentId: first, reason: "SPAM" }, { now: at("2026-01-10T09:00:00Z") });
    await hideComment(moderator, { commentId: first, reason: "SPAM", publicNote: "Advertising." }, at("2026-01-10T10:00:00Z"));
    // January: the second flagged once (off-topic), kept 6 hours later.
    await flagComment(readers[0]!, { commentId: second, reason: "OFF_TOPIC" }, { now: at("2026-01-20T00:00:00Z") });
    await approveComment(moderator, { commentId: second }, at("2026-01-20T06:00:00Z"));
    // February: the third hidden automatically (harassment), decided 10 hours after the first flag; the author appeals and loses.
    for (const [index, reader] of readers.entries()) {
      await flagComment(reader, { commentId: third, reason: "HARASSMENT_OR_HATE" }, { now: at(`2026-02-05T0${index}:00:00Z`) });
    }
    await hideComment(moderator, { commentId: third, reason: "HARASSMENT_OR_HATE", publicNote: "Insults." }, at("2026-02-05T10:00:00Z"));
    const appeal = await appealHiding(comments[2]!.author, { commentId: third, text: "It was a joke." }, at("2026-02-06T00:00:00Z"));
    await decideAppeal(other, { appealId: appeal.id, outcome: "UPHELD", note: "Still an insult." }, at("2026-02-07T00:00:00Z"));
    // February: the fourth flagged, not decided yet.
    await flagComment(readers[1]!, { commentId: fourth, reason: "PERSONAL_DATA" }, { now: at("2026-02-10T00:00:00Z") });

    const report = await moderationReport(reportQuery({ consultation: slug, from: "2026-01-01", to: "2026-02-28" }));
    const flags = 2 + 1 + AUTO_HIDE_FLAGS + 1;
    expect(report.flags).toEqual({
      received: flags,
      byReason: [
        { reason: "SPAM", count: 2 },
        { reason: "HARASSMENT_OR_HATE", count: AUTO_HIDE_FLAGS },
        { reason: "PERSONAL_DATA", count: 1 },
        { reason: "OFF_TOPIC", count: 1 },
      ],
      upheld: 2 + AUTO_HIDE_FLAGS,
      dismissed: 1,
      open: 1,
    });
    expect(report.shareOfFlagsActedOn).toBeCloseTo((2 + AUTO_HIDE_FLAGS) / flags);
    expect(report.commentsDecided).toBe(3);
    expect(report.medianHoursFromFirstFlagToDecision).toBe(6);
    expect(report.actions).toEqual([
      { action: "HIDE_COMMENT", reason: "SPAM", count: 1 },
      { action: "HIDE_COMMENT", reason: "HARASSMENT_OR_HATE", count: 1 },
      { action: "AUTO_HIDE_COMMENT", reason: "HARASSMENT_OR_HATE", count: 1 },
      { action: "APPROVE_COMMENT", reason: null, count: 1 },
    ]);
    expect(report.appeals).toEqual([{ outcome: "UPHELD", count: 1 }]);
    expect(report.suspensions).toBeNull();
    expect(report.perConsultation).toEqual([expect.objectContaining({ slug, flags, hidden: 3 })]);
    expect(report.perMonth).toEqual([
      { month: "2026-01", flags: 3, actions: 2 },
      { month: "2026-02", flags: AUTO_HIDE_FLAGS + 1, actions: 2 },
    ]);
    // Only January.
    expect((await moderationReport(reportQuery({ consultation: slug, to: "2026-01-31" }))).flags.received).toBe(3);
    expect(JSON.stringify(report)).not.toMatch(/Comment number|Insults|joke|@/);
  });

  it("refuses bad dates with the field named, and an unknown consultation", async () => {
    expect((await failure(Promise.resolve().then(() => reportQuery({ from: "yesterday" })))).details.fieldErrors).toEqual({ from: "errors.dateInvalid" });
    expect((await failure(Promise.resolve().then(() => reportQuery({ from: "2026-03-01", to: "2026-02-01" })))).details.fieldErrors).toEqual({
      to: "errors.toBeforeFrom",
    });
    expect((await failure(moderationReport(reportQuery({ consultation: "no-such-consultation" })))).code).toBe("NOT_FOUND");
  });
});
