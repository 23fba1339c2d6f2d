import { beforeEach, describe, expect, it } from "vitest";
import { annotationById } from "@/lib/api/annotations";
import { publicVersionText, versionTextUrl } from "@/lib/api/message-text";
import { createComment } from "@/lib/comments/create-comment";
import { getMessageDiscussion } from "@/lib/comments/message-discussion";
import { editMessageText } from "@/lib/consultations/edit-structure";
import { db } from "@/lib/db/client";
import { importMarkdown } from "../support/consultations";
import { createActor } from "../support/factories";

const BASE = "https://consult.example.org";

const DRAFT = `# Connectivity

- Peering 🌍 matters: 数字鸿沟 first, then cafe\u0301 and 数字鸿沟 again.
`;

async function message(options: { open?: boolean } = {}) {
  const { id, slug } = await importMarkdown(DRAFT, { open: options.open ?? true, language: "zh" });
  const found = await db.message.findUniqueOrThrow({ where: { consultationId_number: { consultationId: id, number: "1.1" } }, include: { versions: true } });
  return { consultationId: id, slug, messageId: found.id, text: found.versions[0]!.text };
}

beforeEach(async () => {
  await db.rateLimitCounter.deleteMany();
});

describe("the source an exported annotation names", () => {
  it("is the version's plain text, exactly, and the positions count code points in it", async () => {
    const author = await createActor();
    const { slug, messageId, text } = await message();
    const second = text.lastIndexOf("数字鸿沟");
    const { comment } = await createComment(author, { messageId, body: "Which divide?", quote: "数字鸿沟", quoteStart: second, quoteEnd: second + 4 });

    const annotation = (await annotationById(comment.id, BASE))!;
    expect(annotation.target.source).toEqual({ id: versionTextUrl(BASE, messageId, 1), type: "Text", format: "text/plain", language: "zh" });
    expect(annotation.target.scope).toBe(`${BASE}/consultations/${slug}/messages/1.1?version=1`);
    const source = await publicVersionText(messageId, "1");
    expect(source).toBe(text);
    const [quote, position] = annotation.target.selector;
    // 🌍 is one code point (two UTF-16 units) before the passage.
    expect(position).toEqual({ type: "TextPositionSelector", start: second - 1, end: second + 3 });
    expect([...source!].slice(position.start, position.end).join("")).toBe(quote.exact);
    // The prefix tells the second 数字鸿沟 from the first.
    expect(source!.split(`${quote.prefix}${quote.exact}${quote.suffix}`)).toHaveLength(2);
  });

  it("names the version the comment was written on; that version carries it and the older ones re-anchored, never later ones", async () => {
    const author = await createActor();
    const secretariat = await createActor({ role: "SECRETARIAT" });
    const { messageId, text } = await message();
    const { comment: onFirst } = await createComment(author, { messageId, body: "On peering.", quote: "Peering" });
    const secondText = text.replace("matters", "matters a great deal");
    await editMessageText(secretariat, { messageId, text: secondText });
    // A passage the first version has too: only the version it was written on (and later ones) may carry it.
    const { comment: onSecond } = await createComment(author, { messageId, body: "On the café.", quote: "cafe\u0301" });
    await editMessageText(secretariat, { messageId, text: `${secondText} More.` });
    const versions = await db.messageVersion.findMany({ where: { messageId }, orderBy: { number: "asc" } });
    expect(versions.map((version) => version.number)).toEqual([1, 2, 3]);

    const highlighted = async (number: number) => {
      const version = versions[number - 1]!;
      const discussion = await getMessageDiscussion(null, messageId, version.id, { versionText: version.text, versionNumber: number });
      return discussion.highlights.map((highlight) => [highlight.id, version.text.slice(highlight.start, highlight.end)]);
    };
    expect(await highlighted(1)).toEqual([[onFirst.id, "Peering"]]);
    expect(await highlighted(2)).toEqual([[onFirst.id, "Peering"], [onSecond.id, "cafe\u0301"]]);
    expect(await highlighted(3)).toEqual([[onFirst.id, "Peering"], [onSecond.id, "cafe\u0301"]]);

    const exported = (await annotationById(onSecond.id, BASE))!;
    expect(exported.target.source.id).toBe(versionTextUrl(BASE, messageId, 2));
    expect(exported.target.scope).toMatch(/\?version=2$/);
    expect(await publicVersionText(messageId, "2")).toBe(secondText);
  });

  it("is not found for an unknown message or version, an unpublished consultation, or a draft superseded before publication", async () => {
    const secretariat = await createActor({ role: "SECRETARIAT" });
    const open = await message();
    for (const version of ["0", "2", "x", "1.0", "01", ""]) expect(await publicVersionText(open.messageId, version), version).toBeNull();
    expect(await publicVersionText("no-such-message", "1")).toBeNull();
    expect(await publicVersionText("nul\u0000", "1")).toBeNull();

    const draft = await message({ open: false });
    expect(await publicVersionText(draft.messageId, "1")).toBeNull();
    await editMessageText(secretariat, { messageId: draft.messageId, text: `${draft.text} Revised.` });
    const now = new Date(Date.now() + 1_000);
    await db.consultation.update({ where: { id: draft.consultationId }, data: { publishedAt: now, firstPublishedAt: now } });
    // Version 1 was the secretariat's work in progress, superseded before the first publication.
    expect(await publicVersionText(draft.messageId, "1")).toBeNull();
    expect(await publicVersionText(draft.messageId, "2")).toBe(`${draft.text} Revised.`);
  });
});
