import { beforeEach, describe, expect, it } from "vitest";
import { GET as outcomeMarkdownRoute } from "@/app/api/v1/consultations/[slug]/outcome.md/route";
import { GET as outcomeRoute } from "@/app/api/v1/consultations/[slug]/outcome/route";
import type { Actor } from "@/lib/auth/actor";
import { createComment } from "@/lib/comments/create-comment";
import { withdrawComment } from "@/lib/comments/change-comment";
import { listOwnComments, OWN_COMMENTS_PAGE_SIZE } from "@/lib/comments/own-comments";
import { getConsultation, getMessage } from "@/lib/consultations/get-consultation";
import { searchConsultation } from "@/lib/consultations/search";
import { db } from "@/lib/db/client";
import type { DispositionOutcome } from "@/lib/db/generated/enums";
import { getOutcome } from "@/lib/finalisation/outcome";
import { outcomeMessages } from "@/lib/finalisation/outcome-text";
import { hideComment } from "@/lib/moderation/decisions";
import { importMarkdown } from "../support/consultations";
import { createActor } from "../support/factories";

const BASE = "http://localhost:3000";
const params = (slug: string) => ({ params: Promise.resolve({ slug }) });
const get = (url: string) => new Request(`${BASE}${url}`);

const DRAFT = `# Digital trust

- Trust is built on transparency.
- Cables cross borders.
- Openness builds trust.

# Innovation

- AI must be governed inclusively.
`;

beforeEach(async () => {
  await db.rateLimitCounter.deleteMany();
});

async function messageIds(consultationId: string) {
  const rows = await db.message.findMany({ where: { consultationId }, select: { id: true, number: true } });
  const ids = new Map(rows.map((row) => [row.number, row.id]));
  return (number: string) => {
    const found = ids.get(number);
    if (!found) throw new Error(`no message ${number}`);
    return found;
  };
}

async function close(consultationId: string) {
  await db.consultation.update({ where: { id: consultationId }, data: { closesAt: new Date(Date.now() - 60_000) } });
}

async function finalVersion(messageId: string, text: string, options: { correctionId?: string; at?: Date } = {}) {
  const last = await db.messageVersion.findFirstOrThrow({ where: { messageId }, orderBy: { number: "desc" } });
  return db.messageVersion.create({
    data: { messageId, number: last.number + 1, kind: "FINAL", text, correctionId: options.correctionId, createdAt: options.at },
  });
}

async function dispose(commentId: string, by: Actor, outcome: DispositionOutcome, rationale: string, at?: Date) {
  return db.disposition.create({ data: { commentId, byId: by.userId, outcome, rationale, createdAt: at } });
}

/**
 * A small consultation taken through a whole review: comments of every kind,
 * final texts, a drop, a merge, dispositions (one changed), then published
 * and corrected once.
 */
async function reviewedConsultation() {
  const { id, slug } = await importMarkdown(DRAFT, { open: true });
  const numbers = await messageIds(id);
  const author = await createActor();
  const other = await createActor();
  const secretariat = await createActor({ role: "SECRETARIAT" });

  const { comment: kept } = await createComment(author, { messageId: numbers("1.1"), body: "Say openness, not transparency.", quote: "transparency" });
  const { comment: reply } = await createComment(other, { messageId: numbers("1.1"), body: "I agree with this.", parentId: kept.id });
  const { comment: hidden } = await createComment(other, { messageId: numbers("1.1"), body: "Buy cheap watches." });
  const { comment: withdrawn } = await createComment(author, { messageId: numbers("1.1"), body: "On second thought, nothing." });
  const { comment: pending } = await createComment(other, { messageId: numbers("1.1"), body: "Waiting for approval." });
  const { comment: dropped } = await createComment(other, { messageId: numbers("1.2"), body: "This one says nothing new." });
  const { comment: unanswered } = await createComment(author, { messageId: numbers("2.1"), body: "Which AI?" });
  await hideComment(secretariat, { commentId: hidden.id, reason: "SPAM", publicNote: "Advertising." });
  await withdrawComment(author, { commentId: withdrawn.id });
  await db.comment.update({ where: { id: pending.id }, data: { status: "PENDING" } });
  await close(id);

  const earlier = new Date(Date.now() - 30_000);
  await dispose(kept.id, secretariat, "NOTED", "First reading.", earlier);
  await dispose(kept.id, secretariat, "INCORPORATED", "The final text says openness.");
  await dispose(hidden.id, secretariat, "OUT_OF_SCOPE", "Advertising.");
  await dispose(dropped.id, secretariat, "PARTLY_INCORPORATED", "Folded into 1.1.");
  await finalVersion(numbers("1.1"), "Trust is built on openness and transparency.");
  await db.message.update({ where: { id: numbers("1.2") }, data: { fate: "DROPPED", fateNote: "Said elsewhere in the document." } });
  await db.message.update({ where: { id: numbers("1.3") }, data: { fate: "MERGED", mergedIntoId: numbers("1.1"), fateNote: "Now part of 1.1." } });
  const finalisedAt = new Date(Date.now() - 10_000);
  await db.consultation.update({ where: { id }, data: { finalisedAt } });

  return { id, slug, numbers, author, other, secretariat, finalisedAt, comments: { kept, reply, hidden, withdrawn, pending, dropped, unanswered } };
}

describe("getOutcome", () => {
  it("is not public before the outcome is published, even with final texts and dispositions written", async () => {
    const { id, slug } = await importMarkdown(DRAFT, { open: true });
    const numbers = await messageIds(id);
    const author = await createActor();
    const secretariat = await createActor({ role: "SECRETARIAT" });
    const { comment } = await createComment(author, { messageId: numbers("1.1"), body: "Say openness." });
    expect(await getOutcome(slug)).toBeNull();

    await close(id);
    await dispose(comment.id, secretariat, "INCORPORATED", "Done.");
    await finalVersion(numbers("1.1"), "Trust is built on openness.");
    expect(await getOutcome(slug)).toBeNull();
    // Nor does the final text show through the document's pages and search before publication.
    const currentText = async () => {
      const consultation = await getConsultation(null, slug);
      const message = await getMessage(null, slug, "1.1");
      const search = await searchConsultation(null, slug, "built openness");
      return [consultation!.sections[0]!.messages[0]!.text, message!.message.versions.at(-1)!.text, search!.hits.length];
    };
    expect(await currentText()).toEqual(["Trust is built on transparency.", "Trust is built on transparency.", 0]);
    expect((await outcomeRoute(get(`/api/v1/consultations/${slug}/outcome`), params(slug))).status).toBe(404);
    expect((await outcomeMarkdownRoute(get(`/api/v1/consultations/${slug}/outcome.md`), params(slug))).status).toBe(404);
    const own = await listOwnComments(author);
    expect(own.comments[0]).toMatchObject({ id: comment.id, outcomePublished: false, disposition: null });

    // A consultation taken back from publication keeps its outcome private too.
    await db.consultation.update({ where: { id }, data: { finalisedAt: new Date(), publishedAt: null } });
    expect(await getOutcome(slug)).toBeNull();
    await db.consultation.update({ where: { id }, data: { publishedAt: new Date() } });
    expect(await getOutcome(slug)).not.toBeNull();
    expect(await currentText()).toEqual(["Trust is built on openness.", "Trust is built on openness.", 1]);
    expect(await getOutcome("no-such-consultation")).toBeNull();
    expect(await getOutcome("bad\u0000slug")).toBeNull();
  });

  it("gives public top-level comments with their latest disposition, final texts, drops, merges and corrections", async () => {
    const review = await reviewedConsultation();
    const outcome = (await getOutcome(review.slug))!;
    expect(outcome).toMatchObject({ slug: review.slug, language: "en", finalisedAt: review.finalisedAt, corrections: [] });
    expect(outcome.sections.map((section) => [section.number, section.heading, section.messages.map((message) => message.number)])).toEqual([
      ["1", "Digital trust", ["1.1", "1.2", "1.3"]],
      ["2", "Innovation", ["2.1"]],
    ]);
    const [m11, m12, m13, m21] = outcomeMessages(outcome.sections);

    expect(m11).toMatchObject({
      fate: "KEPT",
      draftText: "Trust is built on transparency.",
      finalText: "Trust is built on openness and transparency.",
      finalVersionNumber: 2,
      mergedIntoNumber: null,
    });
    // Replies, hidden, withdrawn and held comments are not in the outcome; the latest disposition is the one shown.
    expect(m11!.comments).toEqual([
      expect.objectContaining({
        id: review.comments.kept.id,
        body: "Say openness, not transparency.",
        quoteExact: "transparency",
        authorName: "Ada Participant",
        authorStakeholderGroup: "CIVIL_SOCIETY",
        disposition: { outcome: "INCORPORATED", rationale: "The final text says openness.", decidedAt: expect.any(Date) },
      }),
    ]);
    expect(m12).toMatchObject({ fate: "DROPPED", fateNote: "Said elsewhere in the document.", finalText: null, draftText: "Cables cross borders." });
    expect(m12!.comments.map((comment) => comment.disposition?.outcome)).toEqual(["PARTLY_INCORPORATED"]);
    expect(m13).toMatchObject({ fate: "MERGED", mergedIntoNumber: "1.1", fateNote: "Now part of 1.1.", finalText: null, comments: [] });
    expect(m21).toMatchObject({ fate: "KEPT", finalText: null, draftText: "AI must be governed inclusively." });
    expect(m21!.comments).toEqual([expect.objectContaining({ id: review.comments.unanswered.id, disposition: null })]);

    // A correction after publication: a newer final text and a changed disposition, listed with its date and note.
    const correction = await db.outcomeCorrection.create({
      data: { consultationId: review.id, messageId: review.numbers("1.1"), note: "Restored a word lost in editing.", byId: review.secretariat.userId },
    });
    await finalVersion(review.numbers("1.1"), "Trust is built on openness and on transparency.", { correctionId: correction.id });
    await db.disposition.create({
      data: { commentId: review.comments.kept.id, byId: review.secretariat.userId, outcome: "PARTLY_INCORPORATED", rationale: "Openness added beside it.", correctionId: correction.id },
    });
    const corrected = (await getOutcome(review.slug))!;
    const [c11] = outcomeMessages(corrected.sections);
    expect(c11).toMatchObject({ finalText: "Trust is built on openness and on transparency.", finalVersionNumber: 3, draftText: "Trust is built on transparency." });
    expect(c11!.comments[0]!.disposition).toMatchObject({ outcome: "PARTLY_INCORPORATED", rationale: "Openness added beside it." });
    expect(corrected.corrections).toEqual([{ id: correction.id, note: "Restored a word lost in editing.", messageNumber: "1.1", createdAt: correction.createdAt }]);
  });
});

describe("outcome exports", () => {
  it("gives the outcome as JSON with stable fields, ISO dates and the redline", async () => {
    const review = await reviewedConsultation();
    const response = await outcomeRoute(get(`/api/v1/consultations/${review.slug}/outcome`), params(review.slug));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const body = await response.json();
    expect(body).toMatchObject({
      slug: review.slug,
      language: "en",
      finalisedAt: review.finalisedAt.toISOString(),
      url: `${BASE}/consultations/${review.slug}/outcome`,
      counts: { comments: 3, answered: 2, dispositions: { INCORPORATED: 1, PARTLY_INCORPORATED: 1, NOT_INCORPORATED: 0, NOTED: 0, OUT_OF_SCOPE: 0 } },
      corrections: [],
    });
    const [m11, m12, m13] = body.sections[0].messages;
    expect(m11).toMatchObject({
      number: "1.1",
      fate: "kept",
      mergedInto: null,
      draftText: "Trust is built on transparency.",
      finalText: "Trust is built on openness and transparency.",
      changes: [
        { kind: "equal", text: "Trust is built on " },
        { kind: "insert", text: "openness and " },
        { kind: "equal", text: "transparency." },
      ],
      comments: [
        {
          id: review.comments.kept.id,
          body: "Say openness, not transparency.",
          quote: "transparency",
          author: { name: "Ada Participant", stakeholderGroup: "CIVIL_SOCIETY", region: "AFRICA", country: "KE", organisation: null },
          disposition: { outcome: "INCORPORATED", rationale: "The final text says openness." },
        },
      ],
    });
    expect(m11.comments[0].createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(m12).toMatchObject({ fate: "dropped", note: "Said elsewhere in the document.", finalText: null, changes: [{ kind: "delete", text: "Cables cross borders." }] });
    expect(m13).toMatchObject({ fate: "merged", mergedInto: "1.1", note: "Now part of 1.1." });
    // A kept message the secretariat did not rewrite stands unchanged.
    expect(body.sections[1].messages[0]).toMatchObject({ finalText: "AI must be governed inclusively.", changes: [{ kind: "equal", text: "AI must be governed inclusively." }] });
    const text = JSON.stringify(body);
    for (const excluded of ["I agree with this.", "Buy cheap watches.", "On second thought", "Waiting for approval."]) expect(text).not.toContain(excluded);
  });

  it("gives the outcome as a Markdown download, escaping what people wrote", async () => {
    const review = await reviewedConsultation();
    await db.comment.update({ where: { id: review.comments.kept.id }, data: { body: "Say *openness* <script>x</script> | not | transparency." } });
    await db.outcomeCorrection.create({ data: { consultationId: review.id, note: "Fixed a typo.", byId: review.secretariat.userId } });
    const response = await outcomeMarkdownRoute(get(`/api/v1/consultations/${review.slug}/outcome.md`), params(review.slug));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="${review.slug}-outcome.md"; filename*=UTF-8''${review.slug}-outcome.md`,
    );
    const markdown = await response.text();
    expect(markdown).toMatch(/^# Test consultation-[0-9a-f]+\n/);
    expect(markdown).toContain("\n### Message 1.1\n\nTrust is built on openness and transparency.\n");
    expect(markdown).toContain("> Trust is built on <ins>openness and </ins>transparency.");
    expect(markdown).toContain("**Dropped from the final document.**");
    expect(markdown).toContain("**Merged into 1.1.**");
    expect(markdown).toContain("| On the passage: “transparency” — Say \\*openness\\* &lt;script&gt;x&lt;/script&gt; \\| not \\| transparency. |");
    expect(markdown).toContain("| Incorporated | The final text says openness. |");
    expect(markdown).toContain("Fixed a typo.");
    expect(markdown).not.toContain("Buy cheap watches.");
    expect(markdown).not.toContain("<script>");
  });

  it("names a Chinese document's download in UTF-8 with an ASCII fallback, and labels it in Chinese", async () => {
    const { id, slug } = await importMarkdown("# 数字信任\n\n- 信任建立在透明之上。\n", { open: true, language: "zh", slug: `成果-${Date.now()}` });
    const numbers = await messageIds(id);
    await finalVersion(numbers("1.1"), "信任建立在开放和透明之上。");
    await db.consultation.update({ where: { id }, data: { closesAt: new Date(Date.now() - 1000), finalisedAt: new Date() } });
    const response = await outcomeMarkdownRoute(get(`/api/v1/consultations/${encodeURIComponent(slug)}/outcome.md`), params(slug));
    const disposition = response.headers.get("content-disposition")!;
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(`${slug}-outcome.md`)}`);
    const markdown = await response.text();
    expect(markdown).toContain("\n### 第 1.1 条信息\n");
    expect(markdown).toContain("<ins>开放和</ins>");
  });
});

describe("listOwnComments", () => {
  it("lists every comment the person wrote, newest first, with its disposition once the outcome is published", async () => {
    const review = await reviewedConsultation();
    const { comments, total } = await listOwnComments(review.author);
    expect(total).toBe(3);
    expect(comments.map((comment) => comment.id)).toEqual([review.comments.unanswered.id, review.comments.withdrawn.id, review.comments.kept.id]);
    const [unanswered, withdrawn, kept] = comments;
    expect(kept).toMatchObject({
      status: "PUBLISHED",
      outcomePublished: true,
      inOutcome: true,
      disposition: { outcome: "INCORPORATED", rationale: "The final text says openness." },
      message: { number: "1.1", consultation: { slug: review.slug } },
    });
    expect(withdrawn).toMatchObject({ status: "WITHDRAWN", inOutcome: false, disposition: null });
    expect(unanswered).toMatchObject({ inOutcome: true, disposition: null });

    // Another person's list holds their reply and their hidden comment, never a disposition given to a hidden one.
    const others = await listOwnComments(review.other);
    const hidden = others.comments.find((comment) => comment.id === review.comments.hidden.id);
    expect(hidden).toMatchObject({ status: "HIDDEN", disposition: null });
    expect(others.comments.find((comment) => comment.id === review.comments.reply.id)).toMatchObject({ parentId: review.comments.kept.id, disposition: null });
    await expect(listOwnComments(null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("pages a long list", async () => {
    const { id } = await importMarkdown(DRAFT, { open: true });
    const numbers = await messageIds(id);
    const author = await createActor();
    const rows = Array.from({ length: OWN_COMMENTS_PAGE_SIZE + 3 }, (_, index) => index);
    const version = await db.messageVersion.findFirstOrThrow({ where: { messageId: numbers("1.1") } });
    await db.comment.createMany({
      data: rows.map((index) => ({
        messageId: numbers("1.1"),
        messageVersionId: version.id,
        authorId: author.userId,
        body: `Comment ${index}`,
        authorName: "Ada",
        authorStakeholderGroup: "CIVIL_SOCIETY" as const,
        authorRegion: "AFRICA" as const,
        authorCountry: "KE",
        createdAt: new Date(Date.now() - 1000 * (100 - index)),
      })),
    });
    const first = await listOwnComments(author);
    expect(first).toMatchObject({ page: 1, pageCount: 2, total: OWN_COMMENTS_PAGE_SIZE + 3 });
    expect(first.comments[0]!.body).toBe(`Comment ${OWN_COMMENTS_PAGE_SIZE + 2}`);
    const last = await listOwnComments(author, 9);
    expect(last.page).toBe(2);
    expect(last.comments.map((comment) => comment.body)).toEqual(["Comment 2", "Comment 1", "Comment 0"]);
  });
});
