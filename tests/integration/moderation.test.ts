import { beforeEach, describe, expect, it } from "vitest";
import { createAccessToken } from "@/lib/auth/access-tokens";
import { actorById } from "@/lib/auth/actor-by-id";
import { requireParticipant } from "@/lib/auth/guards";
import { editComment } from "@/lib/comments/change-comment";
import { createComment } from "@/lib/comments/create-comment";
import { db } from "@/lib/db/client";
import { sql } from "@/lib/db/sql";
import { appealHiding, decideAppeal } from "@/lib/moderation/appeals";
import { approveComment, hideComment, restoreComment } from "@/lib/moderation/decisions";
import { FLAG_LIMITS, flagComment } from "@/lib/moderation/flag";
import { AUTO_HIDE_FLAGS } from "@/lib/moderation/schemas";
import { reinstateUser, suspendUser } from "@/lib/moderation/suspension";
import { importMarkdown } from "../support/consultations";
import { failure } from "../support/failure";
import { createActor } from "../support/factories";

const DRAFT = `# Trust

- Trust is built on transparency.
`;

let written = 0;

/** Each default text differs: an identical text hidden for hate by an earlier test would be held as a re-post. */
async function publishedComment(body = `A comment someone may report (${++written}).`) {
  const { id } = await importMarkdown(DRAFT, { open: true });
  const message = await db.message.findFirstOrThrow({ where: { consultationId: id } });
  const author = await createActor();
  const { comment } = await createComment(author, { messageId: message.id, body });
  return { author, commentId: comment.id, consultationId: id };
}

async function readers(count: number) {
  return Promise.all(Array.from({ length: count }, () => createActor()));
}

const status = async (commentId: string) => (await db.comment.findUniqueOrThrow({ where: { id: commentId } })).status;

beforeEach(async () => {
  await db.rateLimitCounter.deleteMany();
});

describe("flagging", () => {
  it("keeps the text as it was when flagged: a later edit cannot erase what was reported", async () => {
    const { author, commentId } = await publishedComment("Buy cheap watches at example.test");
    const [reader] = await readers(1);
    await flagComment(reader!, { commentId, reason: "SPAM" });
    await editComment(author, { commentId, body: "An innocent comment." });
    const flag = await db.flag.findFirstOrThrow({ where: { commentId } });
    expect(flag).toMatchObject({ reason: "SPAM", bodySnapshot: "Buy cheap watches at example.test", resolution: null });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { subjectId: commentId, action: "comment.flagged" } });
    expect(audit).toMatchObject({ actorId: reader!.userId, data: { reason: "SPAM" } });
  });

  it("refuses one's own comment, a second flag, a missing or unknown reason, and 'other' without a note, saying which", async () => {
    const { author, commentId } = await publishedComment();
    const [reader] = await readers(1);
    expect((await failure(flagComment(author, { commentId, reason: "SPAM" }))).details.fieldErrors).toEqual({ form: "errors.flagOwnComment" });
    expect((await failure(flagComment(reader!, { commentId }))).details.fieldErrors).toEqual({ reason: "errors.flagReasonRequired" });
    expect((await failure(flagComment(reader!, { commentId, reason: "RUDE" }))).details.fieldErrors).toEqual({ reason: "errors.flagReasonRequired" });
    expect((await failure(flagComment(reader!, { commentId, reason: "OTHER", note: "  " }))).details.fieldErrors).toEqual({ note: "errors.flagNoteRequired" });
    await flagComment(reader!, { commentId, reason: "OTHER", note: "Copied from another submission." });
    expect((await failure(flagComment(reader!, { commentId, reason: "SPAM" }))).details.fieldErrors).toEqual({ form: "errors.alreadyFlagged" });
    expect(await db.flag.count({ where: { commentId } })).toBe(1);
    expect((await failure(flagComment(null, { commentId, reason: "SPAM" }))).code).toBe("UNAUTHENTICATED");
  });

  it(`hides a comment pending review when ${AUTO_HIDE_FLAGS} different people flag it, once even when the flags arrive together`, async () => {
    const { commentId } = await publishedComment();
    const [first, ...rest] = await readers(AUTO_HIDE_FLAGS + 3);
    expect(await flagComment(first!, { commentId, reason: "HARASSMENT_OR_HATE" })).toEqual({ hidden: false, openFlags: 1 });
    expect(await status(commentId)).toBe("PUBLISHED");

    // Everyone else at the same moment: the flags that come after the hiding find the comment no longer published.
    const outcomes = await Promise.allSettled(rest.map((reader) => flagComment(reader, { commentId, reason: "HARASSMENT_OR_HATE" })));
    const hidden = outcomes.filter((outcome) => outcome.status === "fulfilled" && outcome.value.hidden);
    expect(hidden).toHaveLength(1);
    expect(await status(commentId)).toBe("HIDDEN");
    expect(await db.flag.count({ where: { commentId } })).toBe(AUTO_HIDE_FLAGS);
    const refused = outcomes.filter((outcome) => outcome.status === "rejected");
    expect(refused).toHaveLength(rest.length - (AUTO_HIDE_FLAGS - 1));
    for (const outcome of refused) expect((outcome as PromiseRejectedResult).reason.details.fieldErrors).toEqual({ form: "errors.commentNotAvailable" });

    expect(await db.moderationAction.findMany({ where: { commentId } })).toEqual([
      expect.objectContaining({ action: "AUTO_HIDE_COMMENT", moderatorId: null, reasonCategory: "HARASSMENT_OR_HATE" }),
    ]);
    expect(await db.auditEvent.count({ where: { subjectId: commentId, action: "comment.auto_hidden" } })).toBe(1);
    // Hidden, never deleted.
    expect((await db.comment.findUniqueOrThrow({ where: { id: commentId } })).body).toMatch(/^A comment someone may report \(\d+\)\.$/);
  });

  it("limits flag floods from one person", async () => {
    const reader = await createActor();
    const comments = await Promise.all(Array.from({ length: FLAG_LIMITS.perMinute.limit + 1 }, () => publishedComment()));
    const now = new Date();
    for (const { commentId } of comments.slice(0, -1)) await flagComment(reader, { commentId, reason: "SPAM" }, { now });
    const refused = await failure(flagComment(reader, { commentId: comments.at(-1)!.commentId, reason: "SPAM" }, { now }));
    expect(refused.code).toBe("RATE_LIMITED");
    expect(await db.flag.count({ where: { reporterId: reader.userId } })).toBe(FLAG_LIMITS.perMinute.limit);
  });
});

describe("moderators' decisions", () => {
  it("hides with a category and a public note, upholding the flags, and restores, each an action and an audit event", async () => {
    const { commentId } = await publishedComment();
    const moderator = await createActor({ role: "SECRETARIAT" });
    const [reader] = await readers(1);
    await flagComment(reader!, { commentId, reason: "PERSONAL_DATA" });

    await hideComment(moderator, { commentId, reason: "PERSONAL_DATA", publicNote: "Contained a private phone number." });
    expect(await db.comment.findUniqueOrThrow({ where: { id: commentId } })).toMatchObject({
      status: "HIDDEN",
      moderationReason: "PERSONAL_DATA",
      moderationNote: "Contained a private phone number.",
    });
    expect(await db.flag.findFirstOrThrow({ where: { commentId } })).toMatchObject({ resolution: "UPHELD", resolvedById: moderator.userId });
    // A moderator's hiding is undone by restoring it, not by "approving".
    expect((await failure(approveComment(moderator, { commentId }))).details.fieldErrors).toEqual({ form: "errors.restoreInstead" });

    await restoreComment(moderator, { commentId });
    expect(await db.comment.findUniqueOrThrow({ where: { id: commentId } })).toMatchObject({ status: "PUBLISHED", moderationReason: null, moderationNote: null });
    const actions = await db.moderationAction.findMany({ where: { commentId }, orderBy: { createdAt: "asc" } });
    expect(actions.map((action) => action.action)).toEqual(["HIDE_COMMENT", "RESTORE_COMMENT"]);
    const audit = await db.auditEvent.findMany({ where: { subjectId: commentId }, orderBy: { id: "asc" } });
    expect(audit.map((event) => event.action)).toEqual(["comment.created", "comment.flagged", "comment.hidden", "comment.restored"]);
  });

  it("approves a comment hidden automatically: published again, its flags dismissed", async () => {
    const { commentId } = await publishedComment();
    const moderator = await createActor({ role: "ADMIN" });
    for (const reader of await readers(AUTO_HIDE_FLAGS)) await flagComment(reader, { commentId, reason: "SPAM" });
    expect(await status(commentId)).toBe("HIDDEN");
    await approveComment(moderator, { commentId });
    expect(await status(commentId)).toBe("PUBLISHED");
    expect(await db.flag.count({ where: { commentId, resolution: "DISMISSED" } })).toBe(AUTO_HIDE_FLAGS);
  });

  it("refuses moderation without the role, hiding without a category or a note, and decisions on a withdrawn comment", async () => {
    const { commentId } = await publishedComment();
    const participant = await createActor();
    const moderator = await createActor({ role: "SECRETARIAT" });
    expect((await failure(hideComment(participant, { commentId, reason: "SPAM", publicNote: "Spam." }))).code).toBe("FORBIDDEN");
    expect((await failure(hideComment(null, { commentId, reason: "SPAM", publicNote: "Spam." }))).code).toBe("UNAUTHENTICATED");
    expect((await failure(hideComment(moderator, { commentId, publicNote: "Spam." }))).details.fieldErrors).toEqual({ reason: "errors.hideReasonRequired" });
    expect((await failure(hideComment(moderator, { commentId, reason: "SPAM", publicNote: " " }))).details.fieldErrors).toEqual({
      publicNote: "errors.publicNoteRequired",
    });
    expect(await status(commentId)).toBe("PUBLISHED");
    await db.comment.update({ where: { id: commentId }, data: { status: "WITHDRAWN" } });
    expect((await failure(hideComment(moderator, { commentId, reason: "SPAM", publicNote: "Spam." }))).details.fieldErrors).toEqual({
      form: "errors.commentNotAvailable",
    });
    expect((await failure(restoreComment(moderator, { commentId: "no-such-comment" }))).code).toBe("NOT_FOUND");
  });

  it("lets no moderator decide on their own comment, nor on an appeal about it", async () => {
    const { id } = await importMarkdown(DRAFT, { open: true });
    const message = await db.message.findFirstOrThrow({ where: { consultationId: id } });
    const moderator = await createActor({ role: "SECRETARIAT" });
    const { comment } = await createComment(moderator, { messageId: message.id, body: "The secretariat's own remark." });
    const refusal = await failure(hideComment(moderator, { commentId: comment.id, reason: "SPAM", publicNote: "Hiding my own." }));
    expect(refusal).toMatchObject({ code: "FORBIDDEN", details: { fieldErrors: { form: "errors.moderateOwnComment" } } });
    for (const reader of await readers(AUTO_HIDE_FLAGS)) await flagComment(reader, { commentId: comment.id, reason: "OFF_TOPIC" });
    expect((await failure(approveComment(moderator, { commentId: comment.id }))).code).toBe("FORBIDDEN");
    const appeal = await appealHiding(moderator, { commentId: comment.id, text: "It was on topic." });
    expect((await failure(decideAppeal(moderator, { appealId: appeal.id, outcome: "REVERSED", note: "Mine." }))).code).toBe("FORBIDDEN");
    expect(await status(comment.id)).toBe("HIDDEN");
  });
});

describe("suspension", () => {
  it("ends every session, refuses the person's tokens and writing, and is undone by reinstatement, with reasons recorded", async () => {
    const moderator = await createActor({ role: "SECRETARIAT" });
    const person = await createActor();
    const { token } = await createAccessToken(person, { name: "Tool" });
    const expires = new Date(Date.now() + 86_400_000);
    await db.session.createMany({
      data: [
        { sessionToken: `s1-${person.userId}`, userId: person.userId, expires },
        { sessionToken: `s2-${person.userId}`, userId: person.userId, expires },
      ],
    });
    const { id } = await importMarkdown(DRAFT, { open: true });
    const message = await db.message.findFirstOrThrow({ where: { consultationId: id } });

    await suspendUser(moderator, { userId: person.userId, reason: "Repeated harassment after a warning." });
    expect(await db.session.count({ where: { userId: person.userId } })).toBe(0);
    const suspended = await actorById(person.userId);
    expect(() => requireParticipant(suspended)).toThrowError(expect.objectContaining({ code: "SUSPENDED" }));
    expect((await failure(createComment({ accessToken: token }, { messageId: message.id, body: "Still here?" }))).code).toBe("SUSPENDED");
    expect(await db.moderationAction.findFirst({ where: { userId: person.userId } })).toMatchObject({
      action: "SUSPEND_USER",
      moderatorId: moderator.userId,
      note: "Repeated harassment after a warning.",
    });
    expect((await failure(suspendUser(moderator, { userId: person.userId, reason: "Again." }))).details.fieldErrors).toEqual({ form: "errors.alreadySuspended" });

    await reinstateUser(moderator, { userId: person.userId, reason: "Appeal accepted." });
    expect(requireParticipant(await actorById(person.userId)).userId).toBe(person.userId);
    expect((await createComment({ accessToken: token }, { messageId: message.id, body: "Back, politely." })).created).toBe(true);
    const audit = await db.auditEvent.findMany({ where: { subjectId: person.userId, action: { startsWith: "user." } }, orderBy: { id: "asc" } });
    expect(audit.map((event) => [event.action, (event.data as { reason: string }).reason])).toEqual([
      ["user.suspended", "Repeated harassment after a warning."],
      ["user.reinstated", "Appeal accepted."],
    ]);
  });

  it("needs a reason; the secretariat suspends participants only, an administrator anyone but themselves", async () => {
    const secretariat = await createActor({ role: "SECRETARIAT" });
    const admin = await createActor({ role: "ADMIN" });
    const participant = await createActor();
    const another = await createActor();
    expect((await failure(suspendUser(secretariat, { userId: participant.userId }))).details.fieldErrors).toEqual({ reason: "errors.suspensionReasonRequired" });
    expect((await failure(suspendUser(participant, { userId: another.userId, reason: "No." }))).code).toBe("FORBIDDEN");
    expect((await failure(suspendUser(secretariat, { userId: admin.userId, reason: "No." }))).code).toBe("FORBIDDEN");
    expect((await failure(suspendUser(admin, { userId: admin.userId, reason: "No." }))).code).toBe("FORBIDDEN");
    await suspendUser(admin, { userId: secretariat.userId, reason: "Account compromised." });
    // The command line: an administrator at the server, no actor.
    await suspendUser(null, { userId: participant.userId, reason: "Court order." });
    expect(await db.user.count({ where: { id: { in: [secretariat.userId, participant.userId] }, suspendedAt: { not: null } } })).toBe(2);
  });
});

describe("the audit log", () => {
  it("is append-only: the database refuses to change, delete or truncate an event", async () => {
    const { commentId } = await publishedComment();
    const event = await db.auditEvent.findFirstOrThrow({ where: { subjectId: commentId } });
    await expect(sql()`update "AuditEvent" set action = 'comment.rewritten' where id = ${String(event.id)}::bigint`).rejects.toThrow(/append-only/);
    await expect(sql()`delete from "AuditEvent" where id = ${String(event.id)}::bigint`).rejects.toThrow(/append-only/);
    await expect(sql()`truncate "AuditEvent" cascade`).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.deleteMany({ where: { id: event.id } })).rejects.toThrow(/append-only/);
    expect(await db.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ action: event.action });
  });
});
