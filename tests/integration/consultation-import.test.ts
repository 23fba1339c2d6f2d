import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { createConsultationFromDocument } from "@/lib/consultations/create-from-document";
import { getConsultation, getMessage } from "@/lib/consultations/get-consultation";
import { importConsultation } from "@/lib/consultations/import-consultation";
import { readTree, countTree, type SectionNode } from "@/lib/consultations/read-tree";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseMarkdown } from "@/lib/import/parse-document";
import { FIXTURE, importFixture, importMarkdown, SMALL_DRAFT, uniqueSlug } from "../support/consultations";
import { createActor } from "../support/factories";

const encode = (text: string) => new TextEncoder().encode(text);

type Tree = { messages: { number: string }[]; sections: Tree[] };
const messageNumbers = (list: Tree[]): string[] =>
  list.flatMap((section) => [...section.messages.map((message) => message.number), ...messageNumbers(section.sections)]);

function find(sections: SectionNode[], number: string): SectionNode | undefined {
  for (const section of sections) {
    if (section.number === number) return section;
    const inner = find(section.sections, number);
    if (inner) return inner;
  }
}

describe("importing the IGF 2025 fixture", () => {
  it("stores every section and numbered message with its first version", async () => {
    const { id } = await importFixture();
    const consultation = await db.consultation.findUniqueOrThrow({ where: { id } });
    expect(consultation.introduction).toBe("本译本感谢张晓的自愿贡献。IGF 对他们表示感谢。不代表该组织的任何立场。");
    expect(consultation.publishedAt).toBeNull();

    const tree = await readTree(id);
    expect(countTree(tree)).toEqual({ sections: 30, messages: 92, comments: 0 });
    expect(await db.messageVersion.count({ where: { message: { consultationId: id } } })).toBe(92);
    const message = await db.message.findUniqueOrThrow({
      where: { consultationId_number: { consultationId: id, number: "7.2" } },
      include: { versions: true },
    });
    expect(message.versions).toHaveLength(1);
    expect(message.versions[0]).toMatchObject({ number: 1, kind: "DRAFT", text: "我们需要增强农村互联网用户的能力，为他们提供社群网络可持续发展所需的数字技能。" });
    // The page-break continuation was merged into its message.
    const merged = await db.messageVersion.findFirst({ where: { message: { consultationId: id }, text: { contains: "构建一个能够实现稳健信息共享" } } });
    expect(merged).not.toBeNull();
    // Numbers in the database equal the parser's, in document order.
    const parsed = parseMarkdown(await readFile(FIXTURE, "utf8"));
    if (!parsed.ok) throw new Error("the fixture does not parse");
    expect(messageNumbers(tree)).toEqual(messageNumbers(parsed.document.sections));
    expect(messageNumbers(tree).slice(0, 3)).toEqual(["1.1", "1.2", "1.3"]);
    expect(find(tree, "11.2")?.introduction).toBe("");
  });

  it("audits the import", async () => {
    const { id } = await importFixture();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { subjectId: id, action: "consultation.imported" } });
    expect(audit.data).toMatchObject({ sections: 30, messages: 92 });
  });
});

describe("the secretariat's import with preview", () => {
  it("previews without saving, then saves on confirmation", async () => {
    const secretariat = await createActor({ role: "SECRETARIAT" });
    const slug = uniqueSlug("preview");
    const source = { fileName: "draft.md", bytes: encode(SMALL_DRAFT) };
    const preview = await importConsultation(secretariat, source, { slug, title: "Draft", language: "en" }, false);
    expect(preview.saved).toBe(false);
    if (preview.saved || !preview.preview.ok) throw new Error("expected a preview");
    expect(preview.preview.document.counts).toEqual({ sections: 3, messages: 5 });
    expect(await db.consultation.count({ where: { slug } })).toBe(0);

    const saved = await importConsultation(secretariat, source, { slug, title: "Draft", language: "en" }, true);
    expect(saved).toEqual({ saved: true, slug, counts: { sections: 3, messages: 5 } });
    const consultation = await db.consultation.findUniqueOrThrow({ where: { slug } });
    expect(consultation.createdById).toBe(secretariat.userId);
    expect(consultation.introduction).toBe("Introduction of the draft.");
    const tree = await readTree(consultation.id);
    expect(tree.map((section) => [section.number, section.heading, section.introduction])).toEqual([
      ["1", "Digital trust", "Why trust matters."],
      ["2", "Innovation", ""],
    ]);
    expect(find(tree, "2.1")?.messages.map((m) => [m.number, m.text])).toEqual([["2.1.1", "Data governance needs a 100% commitment_to openness."]]);
  });

  it("keeps the preview and names the field when the slug is taken or malformed", async () => {
    const secretariat = await createActor({ role: "SECRETARIAT" });
    const { slug } = await importMarkdown(SMALL_DRAFT);
    const source = { fileName: "draft.md", bytes: encode(SMALL_DRAFT) };
    const taken = await importConsultation(secretariat, source, { slug, title: "Again", language: "en" }, true);
    expect(taken).toMatchObject({ saved: false, fieldErrors: { slug: "errors.slugTaken" } });
    if (!taken.saved) expect(taken.preview.ok).toBe(true);

    const malformed = await importConsultation(secretariat, source, { slug: "Not A Slug!", title: "", language: "en" }, true);
    expect(malformed).toMatchObject({ saved: false, fieldErrors: { slug: "errors.slugFormat", title: "errors.titleRequired" } });
  });

  it("suggests a title and the language, and guesses the language when none is chosen", async () => {
    const secretariat = await createActor({ role: "SECRETARIAT" });
    const slug = uniqueSlug("guess");
    const source = { fileName: "利勒斯特罗姆.md", bytes: encode("# 数字信任\n\n- 信任建立在透明之上。\n") };
    const preview = await importConsultation(secretariat, source, { slug, title: "", language: "" }, false);
    expect(preview).toMatchObject({ saved: false, suggestions: { title: "数字信任", language: "zh" } });
    expect(await importConsultation(secretariat, source, { slug, title: "数字信任", language: "" }, true)).toMatchObject({ saved: true });
    expect((await db.consultation.findUniqueOrThrow({ where: { slug } })).language).toBe("zh");
    // A chosen language is kept, whatever the text looks like.
    const chosen = uniqueSlug("chosen");
    await importConsultation(secretariat, source, { slug: chosen, title: "Trust", language: "en" }, true);
    expect((await db.consultation.findUniqueOrThrow({ where: { slug: chosen } })).language).toBe("en");
  });

  it.each([
    ["an empty file", { fileName: "empty.md", bytes: new Uint8Array() }, "EMPTY_DOCUMENT"],
    ["a document with no headings or lists", { fileName: "prose.md", bytes: encode("Just a paragraph.\n\nAnd another.") }, "NO_STRUCTURE"],
    ["a file that is neither Markdown nor Word", { fileName: "photo.png", bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]) }, "UNSUPPORTED_FORMAT"],
    ["a file over 5 MB", { fileName: "big.md", bytes: new Uint8Array(5 * 1024 * 1024 + 1).fill(0x61) }, "FILE_TOO_LARGE"],
  ])("refuses %s with a clear code and saves nothing", async (_label, source, code) => {
    const secretariat = await createActor({ role: "SECRETARIAT" });
    const slug = uniqueSlug("bad");
    const outcome = await importConsultation(secretariat, source, { slug, title: "Bad", language: "en" }, true);
    expect(outcome.saved).toBe(false);
    if (!outcome.saved) expect(outcome.preview).toMatchObject({ ok: false, error: { code } });
    expect(await db.consultation.count({ where: { slug } })).toBe(0);
  });

  it("is refused to participants and anonymous visitors", async () => {
    const participant = await createActor();
    const source = { fileName: "draft.md", bytes: encode(SMALL_DRAFT) };
    const codeOf = (promise: Promise<unknown>) => promise.then(() => "OK", (error: AppError) => error.code);
    expect(await codeOf(importConsultation(participant, source, {}, true))).toBe("FORBIDDEN");
    expect(await codeOf(importConsultation(null, source, {}, true))).toBe("UNAUTHENTICATED");
    const parsed = parseMarkdown(SMALL_DRAFT);
    if (!parsed.ok) throw new Error();
    expect(await codeOf(createConsultationFromDocument(participant, { slug: uniqueSlug(), title: "x", language: "en", document: parsed.document }))).toBe("FORBIDDEN");
  });
});

describe("reading", () => {
  it("hides unpublished consultations from everyone but the secretariat", async () => {
    const { slug } = await importMarkdown(SMALL_DRAFT);
    const secretariat = await createActor({ role: "SECRETARIAT" });
    expect(await getConsultation(null, slug)).toBeNull();
    expect(await getConsultation(await createActor(), slug)).toBeNull();
    expect(await getMessage(null, slug, "1.1")).toBeNull();
    const preview = await getConsultation(secretariat, slug);
    expect(preview?.state).toBe("DRAFT");
  });

  it("shows a published consultation with its state and current texts", async () => {
    const { slug } = await importMarkdown(SMALL_DRAFT, { open: true });
    const consultation = await getConsultation(null, slug);
    expect(consultation?.state).toBe("OPEN");
    expect(consultation?.counts).toEqual({ sections: 3, messages: 5, comments: 0 });
    const found = await getMessage(null, slug, "1.2");
    expect(found?.message.versions.map((v) => v.text)).toEqual(["Resilience needs cooperation."]);
  });
});
