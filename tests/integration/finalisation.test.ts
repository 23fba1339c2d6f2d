import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { withdrawComment } from "@/lib/comments/change-comment";
import { createComment } from "@/lib/comments/create-comment";
import { db } from "@/lib/db/client";
import { hideComment } from "@/lib/moderation/decisions";
import { disposeComments } from "@/lib/finalisation/dispositions";
import { duplicateGroupsIn } from "@/lib/finalisation/duplicate-groups";
import { setMessageFate } from "@/lib/finalisation/fate";
import { NOT_CLOSED } from "@/lib/finalisation/finalisable";
import { saveFinalText } from "@/lib/finalisation/final-text";
import { finalisationOverview } from "@/lib/finalisation/overview";
import { publishOutcome } from "@/lib/finalisation/publish";
import { messageWorkspace } from "@/lib/finalisation/workspace";
import { importMarkdown } from "../support/consultations";
import { failure } from "../support/failure";
import { createActor } from "../support/factories";

const DRAFT = `# Trust

- Trust is built on transparency.
- Transparency needs independent audits.

# Innovation

- AI must be governed inclusively.
`;

/** A consultation with comments written while it was open, then closed a second ago. */
async function closedConsultation(bodies: string[][] = [["Please say who audits.", "Add civil society."], ["Audits must be public."], []]) {
  const { id, slug } = await importMarkdown(DRAFT, { open: true });
  const messages = await db.message.findMany({ where: { consultationId: id }, orderBy: { number: "asc" } });
  const comments: string[][] = [];
  for (const [index, message] of messages.entries()) {
    const ids: string[] = [];
    for (const body of bodies[index] ?? []) {
      const { comment } = await createComment(await createActor(), { messageId: message.id, body });
      ids.push(comment.id);
    }
    comments.push(ids);
  }
  await close(id);
  return { id, slug, messages, comments };
}

async function close(consultationId: string) {
  await db.consultation.update({ where: { id: consultationId }, data: { opensAt: new Date(Date.now() - 7_200_000), closesAt: new Date(Date.now() - 1000) } });
}

async function latestDisposition(commentId: string) {
  return db.disposition.findFirst({ where: { commentId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
}

let secretariat: Actor;
let admin: Actor;

beforeEach(async () => {
  await db.rateLimitCounter.deleteMany();
  secretariat = await createActor({ role: "SECRETARIAT" });
  admin = await createActor({ role: "ADMIN" });
});

describe("dispositions", () => {
  it("are given by the secretariat to top-level published comments of a closed consultation, a rationale where the outcome needs one", async () => {
    const { id, comments: [first] } = await closedConsultation();
    const [commentId] = first!;

    const participant = await createActor();
    expect((await failure(disposeComments(participant, { consultationId: id, commentIds: [commentId], outcome: "NOTED" }))).code).toBe("FORBIDDEN");
    expect((await failure(disposeComments(null, { consultationId: id, commentIds: [commentId], outcome: "NOTED" }))).code).toBe("UNAUTHENTICATED");

    for (const outcome of ["NOT_INCORPORATED", "PARTLY_INCORPORATED", "OUT_OF_SCOPE"]) {
      const refused = await failure(disposeComments(secretariat, { consultationId: id, commentIds: [commentId], outcome, rationale: "  " }));
      expect(refused.code).toBe("VALIDATION");
      expect(refused.details.fieldErrors).toEqual({ rationale: "finalise.errors.rationaleRequired" });
    }
    expect((await failure(disposeComments(secretariat, { consultationId: id, commentIds: [commentId], outcome: "MAYBE" }))).details.fieldErrors).toEqual({
      outcome: "finalise.errors.outcomeRequired",
    });
    expect(await db.disposition.count({ where: { commentId } })).toBe(0);

    // Incorporated and noted need no rationale; each call adds a row, the latest is current.
    await disposeComments(secretariat, { consultationId: id, commentIds: [commentId], outcome: "INCORPORATED" });
    await disposeComments(admin, { consultationId: id, commentIds: [commentId], outcome: "NOT_INCORPORATED", rationale: "Audits are already named in 1.2." }, new Date(Date.now() + 1000));
    expect(await db.disposition.count({ where: { commentId } })).toBe(2);
    expect(await latestDisposition(commentId!)).toMatchObject({ outcome: "NOT_INCORPORATED", rationale: "Audits are already named in 1.2.", byId: admin.userId, correctionId: null });
    const events = await db.auditEvent.findMany({ where: { subjectType: "Comment", subjectId: commentId, action: "comment.disposed" }, orderBy: { id: "asc" } });
    expect(events.map((event) => [event.actorId, (event.data as { outcome: string }).outcome])).toEqual([
      [secretariat.userId, "INCORPORATED"],
      [admin.userId, "NOT_INCORPORATED"],
    ]);
  });

  it("are refused before the deadline, and for replies, hidden, withdrawn or another consultation's comments", async () => {
    const { id, slug } = await importMarkdown(DRAFT, { open: true });
    const message = await db.message.findFirstOrThrow({ where: { consultationId: id }, orderBy: { number: "asc" } });
    const author = await createActor();
    const { comment } = await createComment(author, { messageId: message.id, body: "Top-level comment." });
    const { comment: reply } = await createComment(await createActor(), { messageId: message.id, body: "A reply.", parentId: comment.id });
    const { comment: hidden } = await createComment(await createActor(), { messageId: message.id, body: "Buy watches." });
    await hideComment(secretariat, { commentId: hidden.id, reason: "SPAM", publicNote: "Advertising." });
    const withdrawer = await createActor();
    const { comment: withdrawn } = await createComment(withdrawer, { messageId: message.id, body: "Never mind." });
    await withdrawComment(withdrawer, { commentId: withdrawn.id });

    const open = await failure(disposeComments(secretariat, { consultationId: id, commentIds: [comment.id], outcome: "NOTED" }));
    expect(open.code).toBe("CONFLICT");
    expect(open.details.fieldErrors).toEqual({ form: NOT_CLOSED });
    expect((await failure(saveFinalText(secretariat, { messageId: message.id, text: "Final." }))).details.fieldErrors).toEqual({ form: NOT_CLOSED });
    expect((await failure(publishOutcome(admin, { consultationId: id, overrideReason: "Now." }))).details.fieldErrors).toEqual({ form: NOT_CLOSED });
    // Not yet published, or not yet open: the same refusal.
    await db.consultation.update({ where: { id }, data: { opensAt: new Date(Date.now() + 3_600_000), closesAt: new Date(Date.now() + 7_200_000) } });
    expect((await failure(disposeComments(secretariat, { consultationId: id, commentIds: [comment.id], outcome: "NOTED" }))).details.fieldErrors).toEqual({ form: NOT_CLOSED });

    await close(id);
    for (const commentId of [reply.id, hidden.id, withdrawn.id]) {
      const refused = await failure(disposeComments(secretariat, { consultationId: id, commentIds: [comment.id, commentId], outcome: "NOTED" }));
      expect(refused.details.fieldErrors).toEqual({ commentIds: "finalise.errors.notAnswerable" });
    }
    const other = await closedConsultation();
    const elsewhere = await failure(disposeComments(secretariat, { consultationId: id, commentIds: [comment.id, other.comments[0]![0]], outcome: "NOTED" }));
    expect(elsewhere.details.fieldErrors).toEqual({ commentIds: "finalise.errors.commentsElsewhere" });
    // All or none: the valid comment of a refused call got nothing.
    expect(await db.disposition.count({ where: { commentId: comment.id } })).toBe(0);

    // Not answerable, not counted.
    const overview = await finalisationOverview(secretariat, slug);
    expect(overview!.overall).toEqual({ answered: 0, total: 1 });
  });

  it("applies one disposition to many comments at once, in one transaction", async () => {
    const { id, slug, comments } = await closedConsultation([["One.", "Two."], ["Three."], ["Four."]]);
    const all = comments.flat();
    const result = await disposeComments(secretariat, { consultationId: id, commentIds: [...all, all[0]], outcome: "OUT_OF_SCOPE", rationale: "About another forum." });
    expect(result).toEqual({ disposed: 4, correctionId: null });
    for (const commentId of all) expect(await latestDisposition(commentId)).toMatchObject({ outcome: "OUT_OF_SCOPE", rationale: "About another forum." });
    expect(await db.auditEvent.count({ where: { action: "comment.disposed", subjectId: { in: all } } })).toBe(4);

    const overview = await finalisationOverview(secretariat, slug);
    expect(overview!.overall).toEqual({ answered: 4, total: 4 });
    expect(overview!.sections.map((section) => [section.number, section.progress])).toEqual([
      ["1", { answered: 3, total: 3 }],
      ["2", { answered: 1, total: 1 }],
    ]);
  });
});

describe("final texts and fates", () => {
  it("saves a final text as a new FINAL version (the same text again is no change) and sets fates, merges only into kept messages", async () => {
    const { slug, messages: [first, second, third] } = await closedConsultation();
    const saved = await saveFinalText(secretariat, { messageId: first!.id, text: "Trust is built on transparency and audits." });
    expect(saved.changed).toBe(true);
    expect(await saveFinalText(secretariat, { messageId: first!.id, text: " Trust is built on transparency and audits. " })).toMatchObject({ changed: false });
    const versions = await db.messageVersion.findMany({ where: { messageId: first!.id }, orderBy: { number: "asc" } });
    expect(versions.map((version) => [version.number, version.kind, version.authorId])).toEqual([
      [1, "DRAFT", null],
      [2, "FINAL", secretariat.userId],
    ]);
    expect((await failure(saveFinalText(await createActor(), { messageId: first!.id, text: "Mine." }))).code).toBe("FORBIDDEN");

    expect((await failure(setMessageFate(secretariat, { messageId: second!.id, fate: "MERGED", fateNote: "Folded into 1.1." }))).details.fieldErrors).toEqual({
      mergedIntoId: "finalise.errors.mergeTargetRequired",
    });
    expect((await failure(setMessageFate(secretariat, { messageId: second!.id, fate: "DROPPED", fateNote: "" }))).details.fieldErrors).toEqual({
      fateNote: "finalise.errors.fateNoteRequired",
    });
    expect((await failure(setMessageFate(secretariat, { messageId: second!.id, fate: "MERGED", mergedIntoId: second!.id, fateNote: "Self." }))).details.fieldErrors).toEqual({
      mergedIntoId: "finalise.errors.mergeIntoItself",
    });
    const elsewhere = await closedConsultation();
    expect((await failure(setMessageFate(secretariat, { messageId: second!.id, fate: "MERGED", mergedIntoId: elsewhere.messages[0]!.id, fateNote: "x" }))).details.fieldErrors).toEqual({
      mergedIntoId: "finalise.errors.mergeTargetElsewhere",
    });

    await setMessageFate(secretariat, { messageId: third!.id, fate: "DROPPED", fateNote: "Covered elsewhere." });
    expect((await failure(setMessageFate(secretariat, { messageId: second!.id, fate: "MERGED", mergedIntoId: third!.id, fateNote: "Into a dropped one." }))).details.fieldErrors).toEqual({
      mergedIntoId: "finalise.errors.mergeTargetNotKept",
    });
    await setMessageFate(secretariat, { messageId: second!.id, fate: "MERGED", mergedIntoId: first!.id, fateNote: "Folded into 1.1." });
    // No chains: a message others are merged into stays kept, and a merged one is no target.
    expect((await failure(setMessageFate(secretariat, { messageId: first!.id, fate: "DROPPED", fateNote: "Gone." }))).details.fieldErrors).toEqual({
      fate: "finalise.errors.othersMergedHere",
    });
    const target = await failure(setMessageFate(secretariat, { messageId: third!.id, fate: "MERGED", mergedIntoId: second!.id, fateNote: "Chain." }));
    expect(target.details.fieldErrors).toEqual({ mergedIntoId: "finalise.errors.mergeTargetNotKept" });
    // A final text only for a kept message.
    expect((await failure(saveFinalText(secretariat, { messageId: third!.id, text: "Final." }))).details.fieldErrors).toEqual({ form: "finalise.errors.finalTextNotKept" });

    const overview = await finalisationOverview(secretariat, slug);
    expect(overview!.sections.flatMap((section) => section.messages).map((message) => [message.number, message.fate, message.mergedIntoNumber, message.hasFinalText])).toEqual([
      ["1.1", "KEPT", null, true],
      ["1.2", "MERGED", "1.1", false],
      ["2.1", "DROPPED", null, false],
    ]);
    const workspace = await messageWorkspace(secretariat, slug, "1.2");
    expect(workspace).toMatchObject({ previous: "1.1", next: "2.1", message: { fate: "MERGED", mergedIntoId: first!.id }, final: null, draft: { text: "Transparency needs independent audits." } });
    expect(workspace!.mergeTargets.map((message) => message.number)).toEqual(["1.1"]);
    expect(await db.auditEvent.count({ where: { action: "message.fate_set", subjectId: { in: [second!.id, third!.id] } } })).toBe(2);
  });
});

describe("duplicate grouping", () => {
  it("groups the same and nearly the same texts, per message and across the consultation, and keeps other texts out", async () => {
    const campaign = "We ask the IGF to protect encryption for everyone, everywhere, without backdoors.";
    const { id, slug, messages, comments } = await closedConsultation([
      [campaign, campaign.toUpperCase().replace(/,/g, " ,"), "We ask the IGF to protect encryption for everyone, everywhere, without any backdoors!", "Cables need repair ships."],
      [campaign, "Cables need repair ships in the Pacific."],
      ["互联网治理需要多利益相关方参与。", "互联网治理需要多利益相关方参与！", "人工智能应当包容。"],
    ]);
    const [onFirst, onSecond, onThird] = comments;

    const first = await duplicateGroupsIn({ messageId: messages[0]!.id });
    expect(first.map((group) => [group.exact, group.comments.map((comment) => comment.id)])).toEqual([[false, onFirst!.slice(0, 3)]]);
    const chinese = await duplicateGroupsIn({ messageId: messages[2]!.id });
    expect(chinese.map((group) => [group.exact, group.comments.map((comment) => comment.id)])).toEqual([[true, onThird!.slice(0, 2)]]);

    const across = await duplicateGroupsIn({ consultationId: id });
    expect(across.map((group) => group.comments.map((comment) => comment.id).sort())).toEqual([[...onFirst!.slice(0, 3), onSecond![0]!].sort(), onThird!.slice(0, 2).sort()]);
    expect(across[0]!.comments.map((comment) => comment.messageNumber).sort()).toEqual(["1.1", "1.1", "1.1", "1.2"]);

    // A hidden copy is not answered, so not grouped.
    await hideComment(secretariat, { commentId: onThird![1]!, reason: "SPAM", publicNote: "Repeated." });
    expect(await duplicateGroupsIn({ messageId: messages[2]!.id })).toEqual([]);
    expect((await messageWorkspace(secretariat, slug, "1.1"))!.duplicates).toHaveLength(1);
  });
});

describe("publishing the outcome", () => {
  it("is refused while comments are unanswered, unless an administrator overrides with a reason; a secretariat user cannot override", async () => {
    const { id, slug, comments, messages } = await closedConsultation([["Answered."], ["Unanswered."], []]);
    await disposeComments(secretariat, { consultationId: id, commentIds: comments[0]!, outcome: "INCORPORATED" });
    await saveFinalText(secretariat, { messageId: messages[0]!.id, text: "Trust is built on transparency, said clearly." });

    const refused = await failure(publishOutcome(secretariat, { consultationId: id }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.details.fieldErrors).toEqual({ form: "finalise.errors.unanswered" });
    const notAdmin = await failure(publishOutcome(secretariat, { consultationId: id, overrideReason: "The deadline of the report." }));
    expect(notAdmin.code).toBe("FORBIDDEN");
    expect(notAdmin.details.fieldErrors).toEqual({ overrideReason: "finalise.errors.overrideAdminOnly" });
    expect((await failure(publishOutcome(admin, { consultationId: id, overrideReason: "   " }))).details.fieldErrors).toEqual({ form: "finalise.errors.unanswered" });
    expect((await db.consultation.findUniqueOrThrow({ where: { id } })).finalisedAt).toBeNull();

    const published = await publishOutcome(admin, { consultationId: id, overrideReason: "The Council meets tomorrow; 1.2's comment is answered in the report." });
    expect(published).toMatchObject({ unanswered: 1, keptAsDrafted: ["1.2", "2.1"] });
    const consultation = await db.consultation.findUniqueOrThrow({ where: { id } });
    expect(consultation.finalisedAt).toEqual(published.finalisedAt);
    expect(consultation.outcomeOverrideReason).toBe("The Council meets tomorrow; 1.2's comment is answered in the report.");
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "consultation.outcome_published", subjectId: id } });
    expect(event).toMatchObject({ actorId: admin.userId, data: { answered: 1, total: 2, overrideReason: consultation.outcomeOverrideReason, keptAsDrafted: ["1.2", "2.1"] } });
    // Kept messages without a final text are published as drafted.
    const finals = await db.messageVersion.findMany({ where: { message: { consultationId: id }, kind: "FINAL" }, orderBy: { createdAt: "asc" }, select: { text: true, message: { select: { number: true } } } });
    expect(finals.map((version) => [version.message.number, version.text]).sort()).toEqual([
      ["1.1", "Trust is built on transparency, said clearly."],
      ["1.2", "Transparency needs independent audits."],
      ["2.1", "AI must be governed inclusively."],
    ]);
    expect((await finalisationOverview(secretariat, slug))!.state).toBe("FINAL");
    expect((await failure(publishOutcome(admin, { consultationId: id }))).details.fieldErrors).toEqual({ form: "finalise.errors.alreadyPublished" });
  });

  it("goes through for the secretariat when every comment is answered, with no override reason kept", async () => {
    const { id, comments } = await closedConsultation([["One."], [], []]);
    await disposeComments(secretariat, { consultationId: id, commentIds: comments[0]!, outcome: "NOTED" });
    await publishOutcome(secretariat, { consultationId: id, overrideReason: "Not needed." });
    expect(await db.consultation.findUniqueOrThrow({ where: { id } })).toMatchObject({ outcomeOverrideReason: null });
  });
});

describe("corrections", () => {
  it("are the only way to change a published outcome: a public note, and the new versions and dispositions carry it", async () => {
    const { id, slug, comments, messages } = await closedConsultation([["One.", "Two."], [], []]);
    await disposeComments(secretariat, { consultationId: id, commentIds: comments[0]!, outcome: "NOTED" });
    await setMessageFate(secretariat, { messageId: messages[2]!.id, fate: "DROPPED", fateNote: "Covered by 1.1." });
    await publishOutcome(secretariat, { consultationId: id });

    const withoutNote = await failure(saveFinalText(secretariat, { messageId: messages[0]!.id, text: "Trust is built on transparency and accountability." }));
    expect(withoutNote.details.fieldErrors).toEqual({ correctionNote: "finalise.errors.correctionNoteRequired" });
    expect((await failure(disposeComments(secretariat, { consultationId: id, commentIds: [comments[0]![0]], outcome: "INCORPORATED" }))).details.fieldErrors).toEqual({
      correctionNote: "finalise.errors.correctionNoteRequired",
    });
    expect((await failure(setMessageFate(secretariat, { messageId: messages[2]!.id, fate: "KEPT", fateNote: "" }))).details.fieldErrors).toEqual({
      correctionNote: "finalise.errors.correctionNoteRequired",
    });
    expect(await db.outcomeCorrection.count({ where: { consultationId: id } })).toBe(0);

    const text = await saveFinalText(secretariat, { messageId: messages[0]!.id, text: "Trust is built on transparency and accountability.", correctionNote: "A word was missing." }, new Date(Date.now() + 1000));
    const disposed = await disposeComments(admin, { consultationId: id, commentIds: [comments[0]![0]], outcome: "INCORPORATED", correctionNote: "Comment 1 was in fact taken up." }, new Date(Date.now() + 2000));
    // The same text again changes nothing and records no correction.
    await saveFinalText(secretariat, { messageId: messages[0]!.id, text: "Trust is built on transparency and accountability.", correctionNote: "Again." });

    const version = await db.messageVersion.findUniqueOrThrow({ where: { id: text.version.id } });
    expect(version).toMatchObject({ kind: "FINAL", correctionId: expect.any(String) });
    expect(await latestDisposition(comments[0]![0]!)).toMatchObject({ outcome: "INCORPORATED", correctionId: disposed.correctionId });
    expect(await latestDisposition(comments[0]![1]!)).toMatchObject({ outcome: "NOTED", correctionId: null });

    const { corrections } = (await finalisationOverview(secretariat, slug))!;
    expect(corrections.map((correction) => [correction.note, correction.message?.number ?? null, correction._count])).toEqual([
      ["Comment 1 was in fact taken up.", "1.1", { versions: 0, dispositions: 1 }],
      ["A word was missing.", "1.1", { versions: 1, dispositions: 0 }],
    ]);
    expect(corrections[1]!.id).toBe(version.correctionId);

    expect(await db.auditEvent.count({ where: { action: "outcome.corrected", subjectId: id } })).toBe(2);

    // Dropped when published, kept again by a correction: its draft becomes its final text, in that correction.
    await setMessageFate(secretariat, { messageId: messages[2]!.id, fate: "KEPT", fateNote: "", correctionNote: "2.1 is kept after all." });
    const kept = await db.messageVersion.findMany({ where: { messageId: messages[2]!.id, kind: "FINAL" }, select: { text: true, correction: { select: { note: true } } } });
    expect(kept).toEqual([{ text: "AI must be governed inclusively.", correction: { note: "2.1 is kept after all." } }]);
  });
});

describe("the workspace of a message", () => {
  it("shows the draft with the commented passages numbered in text order, and only the comments to answer with their current disposition", async () => {
    const { id, slug } = await importMarkdown(DRAFT, { open: true });
    const message = await db.message.findFirstOrThrow({ where: { consultationId: id }, orderBy: { number: "asc" } });
    const { comment: whole } = await createComment(await createActor(), { messageId: message.id, body: "On the whole message." });
    const { comment: late } = await createComment(await createActor(), { messageId: message.id, body: "On transparency.", quote: "transparency" });
    const { comment: early } = await createComment(await createActor(), { messageId: message.id, body: "On trust.", quote: "Trust" });
    await createComment(await createActor(), { messageId: message.id, body: "A reply.", parentId: whole.id });
    await close(id);
    await disposeComments(secretariat, { consultationId: id, commentIds: [late.id], outcome: "NOTED" });

    const workspace = (await messageWorkspace(secretariat, slug, "1.1"))!;
    expect(workspace.passages).toEqual([
      { id: early.id, start: 0, end: 5, number: 1 },
      { id: late.id, start: 18, end: 30, number: 2 },
    ]);
    expect(workspace.comments.map((comment) => [comment.body, comment.passageNumber, comment.replies, comment.disposition?.outcome ?? null])).toEqual([
      ["On the whole message.", null, 1, null],
      ["On transparency.", 2, 0, "NOTED"],
      ["On trust.", 1, 0, null],
    ]);
    expect(workspace).toMatchObject({ previous: null, next: "1.2", position: { index: 1, count: 3 }, state: "CLOSED" });
    expect(await messageWorkspace(secretariat, slug, "9.9")).toBeNull();
    expect((await failure(messageWorkspace(await createActor(), slug, "1.1"))).code).toBe("FORBIDDEN");
  });
});
