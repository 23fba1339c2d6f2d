import { beforeEach, describe, expect, it } from "vitest";
import { publicComments } from "@/lib/api/public-comments";
import { editComment } from "@/lib/comments/change-comment";
import { createComment } from "@/lib/comments/create-comment";
import { getMessageDiscussion } from "@/lib/comments/message-discussion";
import { getMessage } from "@/lib/consultations/get-consultation";
import { setModerationSettings } from "@/lib/consultations/manage";
import { db } from "@/lib/db/client";
import { PARKED_UNTIL_APPROVED } from "@/lib/db/notification-queue";
import { appealHiding, decideAppeal } from "@/lib/moderation/appeals";
import { approveComment, hideComment } from "@/lib/moderation/decisions";
import { commentEvidence } from "@/lib/moderation/evidence";
import { flagComment } from "@/lib/moderation/flag";
import { listOwnModeratedComments } from "@/lib/moderation/own-moderated";
import { AUTO_HIDE_FLAGS } from "@/lib/moderation/schemas";
import { saveNotificationSettings } from "@/lib/notifications/settings";
import { runNotificationRound } from "@/lib/notifications/worker";
import { textFingerprint } from "@/lib/text/fingerprint";
import { importMarkdown } from "../support/consultations";
import { failure } from "../support/failure";
import { createActor } from "../support/factories";

const DRAFT = `# Trust

- Trust is built on transparency.
`;

async function consultation({ preModeration = false } = {}) {
  const { id, slug } = await importMarkdown(DRAFT, { open: true });
  const message = await db.message.findFirstOrThrow({ where: { consultationId: id } });
  if (preModeration) await setModerationSettings(await createActor({ role: "SECRETARIAT" }), { consultationId: id, preModeration: "on" });
  return { id, slug, messageId: message.id, number: message.number };
}

const current = (commentId: string) => db.comment.findUniqueOrThrow({ where: { id: commentId } });
const notificationsAbout = (commentId: string) => db.notification.findMany({ where: { commentId }, orderBy: { createdAt: "asc" } });
const mailsTo = (to: string) => db.outboxMessage.findMany({ where: { to }, orderBy: { createdAt: "asc" } });
const emailOf = async (userId: string) => (await db.user.findUniqueOrThrow({ where: { id: userId } })).email;
const threadIds = (discussion: Awaited<ReturnType<typeof getMessageDiscussion>>) =>
  discussion.threads.flatMap((thread) => [thread.id, ...thread.replies.map((reply) => reply.id)]);

beforeEach(async () => {
  await db.rateLimitCounter.deleteMany();
});

describe("pre-moderation", () => {
  it("is switched on per consultation by the secretariat only, with an audit event", async () => {
    const { id } = await consultation();
    const secretariat = await createActor({ role: "SECRETARIAT" });
    expect((await failure(setModerationSettings(await createActor(), { consultationId: id, preModeration: "on" }))).code).toBe("FORBIDDEN");
    await setModerationSettings(secretariat, { consultationId: id, preModeration: "on" });
    expect((await db.consultation.findUniqueOrThrow({ where: { id } })).preModeration).toBe(true);
    // An unticked checkbox sends nothing: that is "off".
    await setModerationSettings(secretariat, { consultationId: id });
    expect((await db.consultation.findUniqueOrThrow({ where: { id } })).preModeration).toBe(false);
    const events = await db.auditEvent.findMany({ where: { subjectId: id, action: "consultation.moderation_updated" }, orderBy: { id: "asc" } });
    expect(events.map((event) => [event.actorId, event.data])).toEqual([
      [secretariat.userId, { preModeration: true }],
      [secretariat.userId, { preModeration: false }],
    ]);
  });

  it("holds a new comment for approval: hidden from others, counts and exports, shown to its author; approval publishes it", async () => {
    const { id, slug, messageId, number } = await consultation({ preModeration: true });
    const author = await createActor();
    const reader = await createActor();
    const { comment } = await createComment(author, { messageId, body: "Please publish the auditors' names." });
    expect(comment).toMatchObject({ status: "PENDING", moderationReason: null });
    const hold = await db.moderationAction.findFirstOrThrow({ where: { commentId: comment.id } });
    expect(hold).toMatchObject({ action: "HOLD_COMMENT", moderatorId: null, reasonCategory: null });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { subjectId: comment.id, action: "comment.held" } });
    expect(audit).toMatchObject({ actorId: null, data: { moderationActionId: hold.id, cause: "pre-moderation" } });

    const versionId = (await db.messageVersion.findFirstOrThrow({ where: { messageId } })).id;
    expect(threadIds(await getMessageDiscussion(reader, messageId, versionId))).toEqual([]);
    expect(threadIds(await getMessageDiscussion(null, messageId, versionId))).toEqual([]);
    const own = await getMessageDiscussion(author, messageId, versionId);
    expect(own.threads).toMatchObject([{ id: comment.id, status: "PENDING", body: "Please publish the auditors' names.", mine: true }]);
    expect((await getMessage(reader, slug, number))!.message._count.comments).toBe(0);
    expect((await publicComments(slug, "http://localhost:3000", null))!.data).toEqual([]);
    // Nobody replies to what they cannot see.
    const refused = await failure(createComment(reader, { messageId, body: "A reply.", parentId: comment.id }));
    expect(refused.details.fieldErrors).toEqual({ form: "errors.replyToUnavailable" });

    await approveComment(await createActor({ role: "SECRETARIAT" }), { commentId: comment.id });
    expect(threadIds(await getMessageDiscussion(reader, messageId, versionId))).toEqual([comment.id]);
    expect((await publicComments(slug, "http://localhost:3000", null))!.data).toMatchObject([{ id: comment.id, body: "Please publish the auditors' names." }]);
    expect((await db.consultation.findUniqueOrThrow({ where: { id } })).preModeration).toBe(true);
  });

  it("holds replies too; their receipt says they wait, and reply notifications go out only on approval", async () => {
    const { id, messageId } = await consultation();
    const author = await createActor();
    const replier = await createActor();
    await saveNotificationSettings(author, { frequency: "IMMEDIATE", receipts: "on", replies: "on" });
    const { comment: first } = await createComment(author, { messageId, body: "Name the auditors." });
    await setModerationSettings(await createActor({ role: "SECRETARIAT" }), { consultationId: id, preModeration: "on" });
    const { comment: reply } = await createComment(replier, { messageId, body: "They should be independent.", parentId: first.id });
    expect(reply.status).toBe("PENDING");

    const [receipt, parked] = [
      (await notificationsAbout(reply.id)).find((row) => row.kind === "RECEIPT"),
      (await notificationsAbout(reply.id)).find((row) => row.kind === "REPLY"),
    ];
    expect(receipt?.userId).toBe(replier.userId);
    expect(parked).toMatchObject({ userId: author.userId, runAfter: PARKED_UNTIL_APPROVED });
    await runNotificationRound();
    const replierMails = await mailsTo(await emailOf(replier.userId));
    expect(replierMails.at(-1)!.text).toContain("waiting for their approval");
    const authorMailsBefore = (await mailsTo(await emailOf(author.userId))).length;
    expect(await db.notification.findUniqueOrThrow({ where: { id: parked!.id } })).toMatchObject({ sentAt: null, claimedAt: null });

    await approveComment(await createActor({ role: "SECRETARIAT" }), { commentId: reply.id });
    await runNotificationRound();
    const authorMails = await mailsTo(await emailOf(author.userId));
    expect(authorMails).toHaveLength(authorMailsBefore + 1);
    expect(authorMails.at(-1)!.text).toContain("They should be independent.");
  });

  it("drops the parked reply notifications of a held comment that is hidden instead", async () => {
    const { messageId, id } = await consultation();
    const author = await createActor();
    await saveNotificationSettings(author, { frequency: "IMMEDIATE", receipts: "on", replies: "on" });
    const { comment: first } = await createComment(author, { messageId, body: "Name the auditors." });
    await setModerationSettings(await createActor({ role: "SECRETARIAT" }), { consultationId: id, preModeration: "on" });
    const { comment: reply } = await createComment(await createActor(), { messageId, body: "Rude words.", parentId: first.id });
    await hideComment(await createActor({ role: "SECRETARIAT" }), { commentId: reply.id, reason: "HARASSMENT_OR_HATE", publicNote: "Insults." });
    const parked = (await notificationsAbout(reply.id)).find((row) => row.kind === "REPLY");
    expect(parked).toMatchObject({ sentAt: null, lastError: "not approved: the comment was hidden" });
    expect(parked!.failedAt).not.toBeNull();
  });
});

describe("re-posting prevention", () => {
  it("holds an identical re-post of a comment hidden for hate, with that category; a hidden spam's text is not held", async () => {
    const { messageId } = await consultation();
    const moderator = await createActor({ role: "SECRETARIAT" });
    const { comment: hateful } = await createComment(await createActor(), { messageId, body: "They should all be driven out." });
    const { comment: spam } = await createComment(await createActor(), { messageId, body: "Buy cheap watches at example.test" });
    await hideComment(moderator, { commentId: hateful.id, reason: "HARASSMENT_OR_HATE", publicNote: "Hate against a group." });
    await hideComment(moderator, { commentId: spam.id, reason: "SPAM", publicNote: "Advertising." });

    const reposter = await createActor();
    const { comment: repost } = await createComment(reposter, { messageId, body: "  THEY should all be   driven out!!! " });
    expect(repost).toMatchObject({ status: "PENDING", moderationReason: "HARASSMENT_OR_HATE", bodyFingerprint: textFingerprint("They should all be driven out.") });
    expect(await db.moderationAction.findFirstOrThrow({ where: { commentId: repost.id } })).toMatchObject({
      action: "HOLD_COMMENT",
      moderatorId: null,
      reasonCategory: "HARASSMENT_OR_HATE",
    });
    expect(await db.auditEvent.findFirstOrThrow({ where: { subjectId: repost.id, action: "comment.held" } })).toMatchObject({
      data: { cause: "repost", reason: "HARASSMENT_OR_HATE" },
    });

    const { comment: spamAgain } = await createComment(reposter, { messageId, body: "Buy cheap watches at example.test" });
    expect(spamAgain.status).toBe("PUBLISHED");
    const { comment: other } = await createComment(reposter, { messageId, body: "They should all be welcomed." });
    expect(other.status).toBe("PUBLISHED");
  });

  it("holds a comment edited into the text of one hidden for violent extremism, and tells its author", async () => {
    const { messageId } = await consultation();
    const { comment: violent } = await createComment(await createActor(), { messageId, body: "Attack the venue on Friday." });
    await hideComment(await createActor({ role: "SECRETARIAT" }), { commentId: violent.id, reason: "VIOLENT_EXTREMISM", publicNote: "Incitement." });
    const author = await createActor();
    const { comment } = await createComment(author, { messageId, body: "An innocent comment." });
    expect(comment.status).toBe("PUBLISHED");
    const edited = await editComment(author, { commentId: comment.id, body: "attack the venue on friday" });
    expect(edited).toMatchObject({ status: "PENDING", moderationReason: "VIOLENT_EXTREMISM", bodyFingerprint: textFingerprint("Attack the venue on Friday.") });
    expect((await notificationsAbout(comment.id)).map((row) => row.kind)).toContain("COMMENT_HELD");
    await runNotificationRound();
    expect((await mailsTo(await emailOf(author.userId))).at(-1)!.subject).toContain("waiting for review");
  });
});

describe("telling the author", () => {
  it("queues a notice with the hiding, lists it on the account page, takes one appeal and tells its outcome", async () => {
    const { messageId } = await consultation();
    const author = await createActor();
    const hider = await createActor({ role: "SECRETARIAT" });
    const decider = await createActor({ role: "SECRETARIAT" });
    const { comment } = await createComment(author, { messageId, body: "The minister is a fool." });
    const hiding = await hideComment(hider, { commentId: comment.id, reason: "HARASSMENT_OR_HATE", publicNote: "A personal insult." });
    const notice = (await notificationsAbout(comment.id)).find((row) => row.kind === "COMMENT_HIDDEN");
    expect(notice).toMatchObject({ userId: author.userId, dedupeKey: `comment_hidden:${hiding.id}` });

    await runNotificationRound();
    const [hiddenMail] = (await mailsTo(await emailOf(author.userId))).filter((mail) => mail.subject.includes("hidden"));
    expect(hiddenMail!.text).toContain("Harassment or hate");
    expect(hiddenMail!.text).toContain("A personal insult.");
    expect(hiddenMail!.text).toContain("The minister is a fool.");
    expect(hiddenMail!.text).toContain("/account#moderation");

    expect(await listOwnModeratedComments(author)).toMatchObject([
      { id: comment.id, status: "HIDDEN", moderationReason: "HARASSMENT_OR_HATE", moderationNote: "A personal insult.", canAppeal: true, appeal: null },
    ]);
    const appeal = await appealHiding(author, { commentId: comment.id, text: "It was a figure of speech." });
    expect((await listOwnModeratedComments(author))[0]).toMatchObject({ canAppeal: false, appeal: { outcome: null } });
    expect((await failure(appealHiding(author, { commentId: comment.id, text: "Again." }))).details.fieldErrors).toEqual({ form: "errors.alreadyAppealed" });

    await decideAppeal(decider, { appealId: appeal.id, outcome: "UPHELD", note: "Insults are not arguments." });
    expect((await notificationsAbout(comment.id)).filter((row) => row.kind === "APPEAL_DECIDED")).toMatchObject([{ userId: author.userId, dedupeKey: `appeal_decided:${appeal.id}` }]);
    expect((await listOwnModeratedComments(author))[0]).toMatchObject({ canAppeal: false, appeal: { outcome: "UPHELD", decisionNote: "Insults are not arguments." } });
    await runNotificationRound();
    const decided = (await mailsTo(await emailOf(author.userId))).at(-1)!;
    expect(decided.subject).toContain("the hiding stands");
    expect(decided.text).toContain("Insults are not arguments.");
  });

  it("tells the author of a comment hidden automatically by flags, and of an appeal that reversed it", async () => {
    const { messageId } = await consultation();
    const author = await createActor();
    const { comment } = await createComment(author, { messageId, body: "A contested view." });
    for (let i = 0; i < AUTO_HIDE_FLAGS; i++) await flagComment(await createActor(), { commentId: comment.id, reason: "OFF_TOPIC" });
    expect((await current(comment.id)).status).toBe("HIDDEN");
    expect((await notificationsAbout(comment.id)).filter((row) => row.kind === "COMMENT_HIDDEN")).toHaveLength(1);
    await runNotificationRound();
    const appeal = await appealHiding(author, { commentId: comment.id, text: "It is on the topic of audits." });
    await decideAppeal(await createActor({ role: "SECRETARIAT" }), { appealId: appeal.id, outcome: "REVERSED", note: "On topic indeed." });
    expect((await current(comment.id)).status).toBe("PUBLISHED");
    await runNotificationRound();
    const mails = await mailsTo(await emailOf(author.userId));
    expect(mails.map((mail) => mail.subject)).toEqual([
      expect.stringContaining("Receipt"),
      expect.stringContaining("hidden by the moderators"),
      expect.stringContaining("public again"),
    ]);
    expect(await listOwnModeratedComments(author)).toEqual([]);
  });

  it("lists a held comment on its author's account page, without an appeal form", async () => {
    const { messageId } = await consultation({ preModeration: true });
    const author = await createActor();
    const { comment } = await createComment(author, { messageId, body: "Waiting." });
    expect(await listOwnModeratedComments(author)).toMatchObject([{ id: comment.id, status: "PENDING", canAppeal: false, appeal: null }]);
    expect(await listOwnModeratedComments(await createActor())).toEqual([]);
  });
});

describe("evidence", () => {
  it("keeps every version, the flag's snapshot and the hiding after edits, and fingerprints the text as it now stands", async () => {
    const { messageId } = await consultation();
    const author = await createActor();
    const { comment } = await createComment(author, { messageId, body: "First text: go away, all of you." });
    await flagComment(await createActor(), { commentId: comment.id, reason: "HARASSMENT_OR_HATE" });
    await editComment(author, { commentId: comment.id, body: "Second text, milder." });
    expect((await current(comment.id)).bodyFingerprint).toBe(textFingerprint("Second text, milder."));
    const moderator = await createActor({ role: "SECRETARIAT" });
    await hideComment(moderator, { commentId: comment.id, reason: "HARASSMENT_OR_HATE", publicNote: "Hostile." });
    const { comment: evidence } = await commentEvidence(moderator, comment.id);
    expect(evidence.versions.map((version) => version.body)).toEqual(["First text: go away, all of you.", "Second text, milder."]);
    expect(evidence.flags).toMatchObject([{ bodySnapshot: "First text: go away, all of you.", resolution: "UPHELD" }]);
    expect(evidence.actions.map((action) => action.action)).toEqual(["HIDE_COMMENT"]);
    expect((await current(comment.id)).body).toBe("Second text, milder.");
  });
});
