import { beforeEach, describe, expect, it } from "vitest";
import { GET as jsonExportRoute } from "@/app/api/v1/consultations/[slug]/comments.json/route";
import { GET as translatedTextRoute } from "@/app/api/v1/messages/[id]/translations/[language]/[number]/text/route";
import { annotationById } from "@/lib/api/annotations";
import { consultationForApi } from "@/lib/api/consultations";
import { commentJson } from "@/lib/api/comment-json";
import { editComment, withdrawComment } from "@/lib/comments/change-comment";
import { createComment } from "@/lib/comments/create-comment";
import { getMessageDiscussion } from "@/lib/comments/message-discussion";
import { PASTED_FILE_NAME } from "@/lib/consultations/import-consultation";
import { editMessageText } from "@/lib/consultations/edit-structure";
import { getConsultation } from "@/lib/consultations/get-consultation";
import { db } from "@/lib/db/client";
import { importTranslation } from "@/lib/translations/import-translation";
import { documentIn, translateTree, translationOverview } from "@/lib/translations/read-translations";
import { importMarkdown, SMALL_DRAFT } from "../support/consultations";
import { failure } from "../support/failure";
import { createActor } from "../support/factories";

const BASE = "http://localhost:3000";

/** SMALL_DRAFT in French, without its third message (1.3) and with a section the original lacks (3). */
const FRENCH = `Introduction du projet.

# Confiance numérique

Pourquoi la confiance compte.

- La confiance se construit sur la transparence.
- La résilience exige la coopération.

# Innovation

- L’IA doit être gouvernée de manière inclusive.

## Données

- La gouvernance des données exige un engagement total en faveur de l’ouverture.

# Annexe

- Un message de plus.
`;

const source = (markdown: string) => ({ fileName: PASTED_FILE_NAME, bytes: new TextEncoder().encode(markdown) });
const settings = { language: "fr", translators: "Traduit par des bénévoles", title: "Projet de messages" };

async function setUp() {
  const secretariat = await createActor({ role: "SECRETARIAT" });
  const { id, slug } = await importMarkdown(SMALL_DRAFT, { open: true });
  const messages = await db.message.findMany({ where: { consultationId: id }, select: { id: true, number: true } });
  const messageId = (number: string) => messages.find((message) => message.number === number)!.id;
  return { secretariat, consultationId: id, slug, messageId };
}

beforeEach(async () => {
  await db.rateLimitCounter.deleteMany();
});

describe("importing a translation", () => {
  it("previews the alignment by number, with what either side lacks, and saves nothing", async () => {
    const { secretariat, consultationId, slug } = await setUp();
    const outcome = await importTranslation(secretariat, slug, source(FRENCH), settings, false);
    expect(outcome.saved).toBe(false);
    if (outcome.saved) return;
    expect(outcome.fieldErrors).toEqual({});
    expect(outcome.alignment).toEqual({
      messages: { matched: 4, missing: ["1.3"], extra: ["3.1"] },
      sections: { matched: 3, missing: [], extra: ["3"] },
      headings: [
        { number: "1", original: "Digital trust", translated: "Confiance numérique" },
        { number: "2", original: "Innovation", translated: "Innovation" },
        { number: "2.1", original: "Data", translated: "Données" },
      ],
      written: 4,
      replacing: false,
      languages: { original: "en", translation: "fr" },
    });
    expect(await db.translation.count({ where: { consultationId } })).toBe(0);
  });

  it("saves the aligned texts with the translators' credit, and writes again only what changed", async () => {
    const { secretariat, consultationId, slug, messageId } = await setUp();
    expect(await importTranslation(secretariat, slug, source(FRENCH), settings, true)).toEqual({ saved: true, language: "fr", written: 4 });
    const translation = await db.translation.findUniqueOrThrow({ where: { consultationId_language: { consultationId, language: "fr" } } });
    expect(translation).toMatchObject({ title: "Projet de messages", translators: "Traduit par des bénévoles", introduction: "Introduction du projet.", importedById: secretariat.userId });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { subjectId: translation.id, action: "translation.imported" } });
    expect(audit.data).toMatchObject({ language: "fr", written: 4, missing: ["1.3"], extra: ["3.1"] });

    // The same document again: nothing new; one message changed: only it gets a second text, the first kept.
    const again = await importTranslation(secretariat, slug, source(FRENCH), settings, false);
    expect(again.saved === false && again.alignment).toMatchObject({ written: 0, replacing: true });
    const changed = FRENCH.replace("La résilience exige la coopération.", "La résilience exige une coopération étroite.");
    expect(await importTranslation(secretariat, slug, source(changed), settings, true)).toEqual({ saved: true, language: "fr", written: 1 });
    const texts = await db.translatedText.findMany({ where: { messageId: messageId("1.2") }, orderBy: { number: "asc" } });
    expect(texts.map((text) => [text.number, text.text])).toEqual([
      [1, "La résilience exige la coopération."],
      [2, "La résilience exige une coopération étroite."],
    ]);
  });

  it("keeps what a partial import does not cover: the other headings, texts and the introduction", async () => {
    const { secretariat, consultationId, slug } = await setUp();
    await importTranslation(secretariat, slug, source(FRENCH), settings, true);
    // Only the first theme, revised; nothing before its heading.
    const firstTheme = "# Confiance numérique (révisé)\n\n- La confiance naît de la transparence.\n";
    const preview = await importTranslation(secretariat, slug, source(firstTheme), { ...settings, translators: "" }, false);
    // The preview knows it updates the French translation even while the credit is missing.
    expect(!preview.saved && preview.alignment).toMatchObject({ replacing: true, written: 1 });
    await importTranslation(secretariat, slug, source(firstTheme), settings, true);
    const french = (await documentIn(consultationId, "fr"))!;
    expect(french.translation.introduction).toBe("Introduction du projet.");
    expect([...french.sections.values()].map((section) => section.heading).sort()).toEqual(["Confiance numérique (révisé)", "Données", "Innovation"]);
    expect(french.texts.size).toBe(4);
  });

  it("refuses participants, the original's own language, a missing credit", async () => {
    const { secretariat, slug } = await setUp();
    expect((await failure(importTranslation(await createActor(), slug, source(FRENCH), settings, true))).code).toBe("FORBIDDEN");
    const refused = await importTranslation(secretariat, slug, source(FRENCH), { ...settings, language: "en", translators: " " }, true);
    expect(refused.saved).toBe(false);
    if (refused.saved) return;
    expect(refused.fieldErrors).toEqual({ language: "errors.translationOfOriginal", translators: "errors.translatorsRequired" });
    const badTag = await importTranslation(secretariat, slug, source(FRENCH), { ...settings, language: "not a language" }, true);
    expect(!badTag.saved && badTag.fieldErrors).toEqual({ language: "errors.languageInvalid" });
  });
});

describe("reading a translation", () => {
  it("replaces headings and texts, keeps what it lacks in the original, and marks texts the original has overtaken", async () => {
    const { secretariat, consultationId, slug, messageId } = await setUp();
    await importTranslation(secretariat, slug, source(FRENCH), settings, true);
    await editMessageText(secretariat, { messageId: messageId("1.1"), text: "Trust is built on transparency and accountability." });
    const consultation = (await getConsultation(null, slug))!;
    const french = (await documentIn(consultationId, "fr"))!;
    const [trust] = translateTree(consultation.sections, french, "en");
    expect(trust).toMatchObject({ heading: "Confiance numérique", introduction: "Pourquoi la confiance compte.", headingLanguage: "fr" });
    expect(trust!.messages.map(({ number, text, textLanguage, untranslated, outOfDate }) => ({ number, text, textLanguage, untranslated, outOfDate }))).toEqual([
      { number: "1.1", text: "La confiance se construit sur la transparence.", textLanguage: "fr", untranslated: undefined, outOfDate: true },
      { number: "1.2", text: "La résilience exige la coopération.", textLanguage: "fr", untranslated: undefined, outOfDate: false },
      { number: "1.3", text: "Cables cross borders.", textLanguage: "en", untranslated: true, outOfDate: undefined },
    ]);
    expect(await translationOverview(consultationId)).toMatchObject([{ language: "fr", translated: 4, outOfDate: 1, messages: 5 }]);
    // The JSON API carries each translation with its texts by number.
    const api = (await consultationForApi(slug, BASE))!;
    expect(api.translations).toMatchObject([
      { language: "fr", title: "Projet de messages", translators: "Traduit par des bénévoles", url: `${BASE}/consultations/${slug}?language=fr` },
    ]);
    expect(api.translations[0]!.messages.find((message) => message.number === "1.1")).toEqual({
      number: "1.1", text: "La confiance se construit sur la transparence.", version: 1, translates: 1, outOfDate: true,
    });
  });
});

describe("commenting on a translation", () => {
  it("names the translation in the write API's answer, as the comments list does: when written, when the same key comes again, when edited (or not) and withdrawn", async () => {
    const { secretariat, slug, messageId } = await setUp();
    await importTranslation(secretariat, slug, source(FRENCH), settings, true);
    const author = await createActor();
    const id = messageId("1.2");
    const onOriginal = await createComment(author, { messageId: id, body: "On the original." });
    expect(commentJson(onOriginal.comment, { forAuthor: true }).translation).toBeNull();
    const keyed = { messageId: id, body: "Encore.", textLanguage: "fr", idempotencyKey: "written-on-fr" };
    expect(commentJson((await createComment(author, keyed)).comment, { forAuthor: true }).translation).toBe("fr");
    const again = await createComment(author, keyed);
    expect([again.created, commentJson(again.comment).translation]).toEqual([false, "fr"]);
    expect(commentJson(await editComment(author, { commentId: again.comment.id, body: "Encore, autrement." })).translation).toBe("fr");
    expect(commentJson(await editComment(author, { commentId: again.comment.id, body: "Encore, autrement." })).translation).toBe("fr");
    expect(commentJson(await withdrawComment(author, { commentId: again.comment.id })).translation).toBe("fr");
    expect(commentJson(await editComment(author, { commentId: onOriginal.comment.id, body: "On the original, again." })).translation).toBeNull();
  });

  it("quotes the translation's text, highlights it there, and marks it everywhere with the translation it was made on", async () => {
    const { secretariat, slug, messageId } = await setUp();
    await importTranslation(secretariat, slug, source(FRENCH), settings, true);
    const author = await createActor();
    const id = messageId("1.2");
    const { comment } = await createComment(author, { messageId: id, body: "Plutôt « étroite ».", quote: "la coopération", textLanguage: "fr", language: "fr" });
    const text = await db.translatedText.findFirstOrThrow({ where: { messageId: id } });
    expect(comment).toMatchObject({ translatedTextId: text.id, quoteExact: "la coopération", positionStart: 20, positionEnd: 34, language: "fr" });

    // A quote of the original is not in the French text; a language without a translation is refused, not swapped for the original.
    expect((await failure(createComment(author, { messageId: id, body: "x", quote: "Resilience", textLanguage: "fr" }))).details.fieldErrors).toEqual({ quote: "errors.quoteNotFound" });
    expect((await failure(createComment(author, { messageId: id, body: "x", textLanguage: "de" }))).details.fieldErrors).toEqual({ textLanguage: "errors.translationNotFound" });
    // The original's language names the original.
    const onOriginal = await createComment(author, { messageId: id, body: "On the original.", quote: "cooperation", textLanguage: "en" });
    expect(onOriginal.comment.translatedTextId).toBeNull();

    const version = await db.messageVersion.findFirstOrThrow({ where: { messageId: id } });
    const inFrench = await getMessageDiscussion(null, id, version.id, { translation: { language: "fr", textId: text.id, text: text.text } });
    expect(inFrench.highlights).toEqual([{ id: comment.id, start: 20, end: 34, page: 1, number: 1 }]);
    const inOriginal = await getMessageDiscussion(null, id, version.id, { versionText: version.text });
    expect(inOriginal.highlights.map((highlight) => highlight.id)).toEqual([onOriginal.comment.id]);
    // Both threads are read in every language, each saying what it was made on.
    expect(inOriginal.threads.map((thread) => [thread.id, thread.madeOn])).toEqual([
      [comment.id, "fr"],
      [onOriginal.comment.id, null],
    ]);

    // A new translation of the message: the annotation is found again in the new text.
    await importTranslation(secretariat, slug, source(FRENCH.replace("La résilience exige la coopération.", "Face aux crises, la résilience exige la coopération.")), settings, true);
    const newer = await db.translatedText.findFirstOrThrow({ where: { messageId: id, number: 2 } });
    const moved = await getMessageDiscussion(null, id, version.id, { translation: { language: "fr", textId: newer.id, text: newer.text } });
    expect(moved.highlights).toMatchObject([{ id: comment.id, start: 37, end: 51 }]);
    // A new version of the original re-anchors the original's annotations only.
    await editMessageText(secretariat, { messageId: id, text: "Resilience needs cooperation across borders." });
    expect(await db.commentAnchor.count({ where: { commentId: comment.id } })).toBe(0);
    expect(await db.commentAnchor.count({ where: { commentId: onOriginal.comment.id } })).toBe(1);
  });

  it("exports the annotation against the translation's text, and the comments with the translation they were made on", async () => {
    const { secretariat, slug, messageId } = await setUp();
    await importTranslation(secretariat, slug, source(FRENCH), settings, true);
    const id = messageId("1.1");
    const { comment } = await createComment(await createActor(), { messageId: id, body: "Oui.", quote: "transparence", textLanguage: "fr", language: "fr" });

    const annotation = (await annotationById(comment.id, BASE))!;
    const textUrl = `${BASE}/api/v1/messages/${id}/translations/fr/1/text`;
    expect(annotation.target).toMatchObject({ source: { id: textUrl, language: "fr" } });
    const answer = await translatedTextRoute(new Request(textUrl), { params: Promise.resolve({ id, language: "fr", number: "1" }) });
    expect(answer.headers.get("content-language")).toBe("fr");
    const served = await answer.text();
    expect(served).toBe("La confiance se construit sur la transparence.");
    expect(served.indexOf("transparence")).toBe(comment.positionStart);

    const exported = JSON.parse(await (await jsonExportRoute(new Request(`${BASE}/x`), { params: Promise.resolve({ slug }) })).text());
    expect(exported).toMatchObject([{ id: comment.id, translation: "fr", language: "fr" }]);
  });
});
