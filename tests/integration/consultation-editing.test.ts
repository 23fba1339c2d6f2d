import { describe, expect, it } from "vitest";
import {
  addMessage,
  deleteMessage,
  editMessageText,
  mergeSectionIntoPrevious,
  moveMessage,
  moveSection,
  splitSectionAt,
  updateSection,
} from "@/lib/consultations/edit-structure";
import { getMessage } from "@/lib/consultations/get-consultation";
import { publishConsultation, scheduleConsultation, unpublishConsultation } from "@/lib/consultations/manage";
import { readTree, type SectionNode } from "@/lib/consultations/read-tree";
import { db } from "@/lib/db/client";
import { importMarkdown, SMALL_DRAFT } from "../support/consultations";
import { failure } from "../support/failure";
import { createActor } from "../support/factories";

type Tree = { number: string; heading: string; messages: { number: string; text: string }[]; sections: Tree[] };
const outline = (list: SectionNode[]): unknown[] =>
  list.map((section: Tree) => [section.number, section.heading, section.messages.map((m) => `${m.number} ${m.text}`), outline(section.sections as never)]);

async function messageId(consultationId: string, number: string) {
  return (await db.message.findUniqueOrThrow({ where: { consultationId_number: { consultationId, number } } })).id;
}

async function sectionId(consultationId: string, heading: string) {
  return (await db.section.findFirstOrThrow({ where: { consultationId, heading } })).id;
}


describe("editing a draft before publication", () => {
  it("renumbers when messages and sections move", async () => {
    const secretariat = await createActor({ role: "SECRETARIAT" });
    const { id } = await importMarkdown(SMALL_DRAFT);
    await moveMessage(secretariat, { id: await messageId(id, "1.3"), direction: "up" });
    await moveSection(secretariat, { id: await sectionId(id, "Innovation"), direction: "up" });
    expect(outline(await readTree(id))).toEqual([
      ["1", "Innovation", ["1.1 AI must be governed inclusively."], [["1.1", "Data", ["1.1.1 Data governance needs a 100% commitment_to openness."], []]]],
      ["2", "Digital trust", ["2.1 Trust is built on transparency.", "2.2 Cables cross borders.", "2.3 Resilience needs cooperation."], []],
    ]);
  });

  it("keeps every version of an edited message", async () => {
    const secretariat = await createActor({ role: "SECRETARIAT" });
    const { id, slug } = await importMarkdown(SMALL_DRAFT, { open: true });
    const target = await messageId(id, "1.1");
    await editMessageText(secretariat, { messageId: target, text: "  Trust is built on transparency and accountability.  " });
    await editMessageText(secretariat, { messageId: target, text: "Trust is built on transparency and accountability." });
    const found = await getMessage(null, slug, "1.1");
    expect(found?.message.versions.map((v) => [v.number, v.text])).toEqual([
      [1, "Trust is built on transparency."],
      [2, "Trust is built on transparency and accountability."],
    ]);
    const empty = await failure(editMessageText(secretariat, { messageId: target, text: "   " }));
    expect(empty.details.fieldErrors).toEqual({ text: "errors.messageTextRequired" });
  });

  it("adds, deletes, merges and splits, with the audit trail keeping what went away", async () => {
    const secretariat = await createActor({ role: "SECRETARIAT" });
    const { id } = await importMarkdown(SMALL_DRAFT);
    await addMessage(secretariat, { sectionId: await sectionId(id, "Digital trust"), text: "A fourth message." });
    const deleted = await messageId(id, "1.2");
    await deleteMessage(secretariat, { id: deleted });
    await splitSectionAt(secretariat, { messageId: await messageId(id, "1.2"), heading: "Infrastructure" });
    expect(outline(await readTree(id)).slice(0, 2)).toEqual([
      ["1", "Digital trust", ["1.1 Trust is built on transparency."], []],
      ["2", "Infrastructure", ["2.1 Cables cross borders.", "2.2 A fourth message."], []],
    ]);
    await mergeSectionIntoPrevious(secretariat, { id: await sectionId(id, "Infrastructure") });
    await updateSection(secretariat, { sectionId: await sectionId(id, "Digital trust"), heading: "Trust", introduction: "" });
    expect(outline(await readTree(id)).slice(0, 1)).toEqual([
      ["1", "Trust", ["1.1 Trust is built on transparency.", "1.2 Cables cross borders.", "1.3 A fourth message."], []],
    ]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { subjectId: deleted, action: "message.deleted" } });
    expect(JSON.stringify(audit.data)).toContain("Resilience needs cooperation.");
    const firstSection = await failure(mergeSectionIntoPrevious(secretariat, { id: await sectionId(id, "Trust") }));
    expect(firstSection.details.fieldErrors).toEqual({ form: "errors.mergeNeedsPrevious" });
  });

  it("is refused to participants", async () => {
    const participant = await createActor();
    const { id } = await importMarkdown(SMALL_DRAFT);
    const error = await failure(editMessageText(participant, { messageId: await messageId(id, "1.1"), text: "Mine now" }));
    expect(error.code).toBe("FORBIDDEN");
  });
});

describe("scheduling and publication", () => {
  it("requires a deadline after the opening, and both dates to publish", async () => {
    const secretariat = await createActor({ role: "SECRETARIAT" });
    const { id } = await importMarkdown(SMALL_DRAFT);
    const notYet = await failure(publishConsultation(secretariat, { id }));
    expect(notYet.details.fieldErrors).toEqual({ opensAt: "errors.publishNeedsOpensAt", closesAt: "errors.publishNeedsClosesAt" });
    const backwards = await failure(
      scheduleConsultation(secretariat, { consultationId: id, opensAt: "2025-07-14T12:00", closesAt: "2025-06-27T12:00", referenceTimeZone: "Europe/Oslo" }),
    );
    expect(backwards.details.fieldErrors).toEqual({ closesAt: "errors.closesBeforeOpens" });
    const badZone = await failure(scheduleConsultation(secretariat, { consultationId: id, opensAt: "", closesAt: "", referenceTimeZone: "Mars/Olympus" }));
    expect(badZone.details.fieldErrors).toEqual({ referenceTimeZone: "errors.timeZoneInvalid" });

    const scheduled = await scheduleConsultation(secretariat, {
      consultationId: id, opensAt: "2025-06-27T00:00", closesAt: "2025-07-14T23:59", referenceTimeZone: "Europe/Oslo",
    });
    expect(scheduled.closesAt?.toISOString()).toBe("2025-07-14T21:59:00.000Z");
    const published = await publishConsultation(secretariat, { id });
    expect(published.publishedAt).toBeInstanceOf(Date);
    expect(published.firstPublishedAt).toEqual(published.publishedAt);
    const unpublished = await unpublishConsultation(secretariat, { id });
    expect(unpublished.publishedAt).toBeNull();
    expect(unpublished.firstPublishedAt).toEqual(published.firstPublishedAt);
  });
});

describe("after publication", () => {
  it("never changes existing numbers and gives new messages new ones", async () => {
    const secretariat = await createActor({ role: "SECRETARIAT" });
    const { id } = await importMarkdown(SMALL_DRAFT, { open: true });
    await moveMessage(secretariat, { id: await messageId(id, "1.3"), direction: "up" });
    await addMessage(secretariat, { sectionId: await sectionId(id, "Digital trust"), text: "Added later." });
    expect(outline(await readTree(id))[0]).toEqual([
      "1", "Digital trust", ["1.1 Trust is built on transparency.", "1.3 Cables cross borders.", "1.2 Resilience needs cooperation.", "1.4 Added later."], [],
    ]);
    const refused = await failure(deleteMessage(secretariat, { id: await messageId(id, "1.4") }));
    expect(refused.details.fieldErrors).toEqual({ form: "errors.messageDeleteAfterPublication" });
    await splitSectionAt(secretariat, { messageId: await messageId(id, "1.2"), heading: "Resilience" });
    const tree = outline(await readTree(id));
    expect(tree[1]).toEqual(["3", "Resilience", ["1.2 Resilience needs cooperation.", "1.4 Added later."], []]);
  });
});

describe("the public history of a message", () => {
  it("starts at the first publication: earlier drafts are kept but not shown as earlier versions", async () => {
    const secretariat = await createActor({ role: "SECRETARIAT" });
    const { id, slug } = await importMarkdown(SMALL_DRAFT);
    const target = await messageId(id, "1.1");
    await editMessageText(secretariat, { messageId: target, text: "Trust is built on openness." });
    await editMessageText(secretariat, { messageId: target, text: "Trust is built on openness and care." });
    // The secretariat previewing the draft sees the current text alone.
    expect((await getMessage(secretariat, slug, "1.1"))?.message.versions.map((v) => v.text)).toEqual(["Trust is built on openness and care."]);

    await scheduleConsultation(secretariat, { consultationId: id, opensAt: "2025-06-27T00:00", closesAt: "2099-07-14T23:59", referenceTimeZone: "UTC" });
    await publishConsultation(secretariat, { id });
    expect((await getMessage(null, slug, "1.1"))?.message.versions.map((v) => [v.number, v.text])).toEqual([[3, "Trust is built on openness and care."]]);

    await editMessageText(secretariat, { messageId: target, text: "Trust is built on openness, care and time." });
    // Unpublishing and publishing again does not move the start of the history.
    await unpublishConsultation(secretariat, { id });
    await publishConsultation(secretariat, { id });
    expect((await getMessage(null, slug, "1.1"))?.message.versions.map((v) => [v.number, v.text])).toEqual([
      [3, "Trust is built on openness and care."],
      [4, "Trust is built on openness, care and time."],
    ]);
    // Nothing was deleted.
    expect(await db.messageVersion.count({ where: { messageId: target } })).toBe(4);
  });
});
