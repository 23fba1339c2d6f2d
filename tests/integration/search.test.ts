import { describe, expect, it } from "vitest";
import { markTerms, searchConsultation } from "@/lib/consultations/search";
import { listConsultationsForApi, consultationForApi } from "@/lib/api/consultations";
import { importFixture, importMarkdown, SMALL_DRAFT } from "../support/consultations";

describe("search within a consultation", () => {
  it("finds Chinese words inside sentences without spaces", async () => {
    const { slug } = await importFixture({ open: true });
    const result = await searchConsultation(null, slug, "海底电缆");
    expect(result?.hits.length).toBeGreaterThan(0);
    expect(result?.hits.every((hit) => (hit.text + hit.heading).includes("海底电缆"))).toBe(true);
    expect(result?.hits[0]).toMatchObject({ kind: "message", number: "3.2.1.4" });

    const both = await searchConsultation(null, slug, "人工智能 能源");
    expect(both?.hits.length).toBeGreaterThan(0);
    expect(both?.hits.every((hit) => hit.text.includes("人工智能") && hit.text.includes("能源"))).toBe(true);
  });

  it("finds English words case-insensitively, headings too, and treats % and _ literally", async () => {
    const { slug } = await importMarkdown(SMALL_DRAFT, { open: true });
    expect((await searchConsultation(null, slug, "TRUST"))?.hits.map((hit) => `${hit.kind} ${hit.number}`)).toEqual([
      "section 1",
      "message 1.1",
    ]);
    expect((await searchConsultation(null, slug, "100%"))?.hits.map((hit) => hit.number)).toEqual(["2.1.1"]);
    expect((await searchConsultation(null, slug, "t_o"))?.hits).toEqual([]);
    expect((await searchConsultation(null, slug, "   "))?.hits).toEqual([]);
  });

  it("does not search unpublished consultations for the public", async () => {
    const { slug } = await importMarkdown(SMALL_DRAFT);
    expect(await searchConsultation(null, slug, "trust")).toBeNull();
  });

  it("marks the terms without producing HTML", () => {
    expect(markTerms("<b>Trust</b> and trust", ["trust"])).toEqual([
      { text: "<b>", match: false },
      { text: "Trust", match: true },
      { text: "</b> and ", match: false },
      { text: "trust", match: true },
    ]);
  });
});

describe("open data API", () => {
  it("lists published consultations and returns the tree with stable fields", async () => {
    const { slug } = await importMarkdown(SMALL_DRAFT, { open: true });
    const hidden = await importMarkdown(SMALL_DRAFT);
    const list = await listConsultationsForApi("https://consult.example", null);
    expect(list.data.map((c) => c.slug)).toContain(slug);
    expect(list.data.map((c) => c.slug)).not.toContain(hidden.slug);
    const detail = await consultationForApi(slug, "https://consult.example");
    expect(detail).toMatchObject({
      slug,
      state: "open",
      language: "en",
      introduction: "Introduction of the draft.",
      counts: { sections: 3, messages: 5, comments: 0 },
      url: `https://consult.example/consultations/${slug}`,
    });
    expect(detail?.sections[0]).toMatchObject({
      number: "1",
      heading: "Digital trust",
      messages: [
        { number: "1.1", text: "Trust is built on transparency.", version: 1, versionKind: "draft", commentCount: 0 },
        { number: "1.2" },
        { number: "1.3" },
      ],
    });
    expect(await consultationForApi(hidden.slug, "https://consult.example")).toBeNull();
  });
});
