import { describe, expect, it } from "vitest";
import type { ExportableAnnotation } from "@/lib/annotations/w3c-types";
import { annotationCollection, annotationPage, annotationToW3c, pageIri } from "@/lib/annotations/w3c-export";
import {
  describeW3cFailures,
  failedW3cAssertions,
  loadW3cTest,
  type W3cTestName,
} from "@/tests/support/w3c/w3c-assertions";

const baseUrl = "https://consult.example.org";
const collectionUrl = `${baseUrl}/api/v1/consultations/wsis-20/annotations`;
const label = "WSIS+20 draft outcome: public annotations";

const ANNOTATION_MUSTS: W3cTestName = "annotations/annotationMusts.test";
const COLLECTION_MUSTS: W3cTestName = "collections/collectionMusts.test";
const PAGE_MUSTS: W3cTestName = "collections/pages/pageMusts.test";

function exportable(overrides: Partial<ExportableAnnotation> = {}): ExportableAnnotation {
  return {
    id: "cm1a2b3c4",
    body: "Please name the stakeholders explicitly.",
    createdAt: new Date("2025-07-01T09:30:00Z"),
    modifiedAt: new Date("2025-07-02T10:00:00.123Z"),
    author: { name: "Ana Pérez", stakeholderGroup: "CIVIL_SOCIETY", region: "LATIN_AMERICA_CARIBBEAN", country: "AR" },
    message: {
      number: "2.3",
      versionNumber: 1,
      url: `${baseUrl}/consultations/wsis-20/messages/2.3?version=1`,
      textUrl: `${baseUrl}/api/v1/messages/cm-msg-23/versions/1/text`,
    },
    language: "en",
    selector: { exact: "all stakeholders", prefix: "We call on ", suffix: " to cooperate", start: 11, end: 27 },
    ...overrides,
  };
}

const samples: [string, ExportableAnnotation][] = [
  ["an English annotation in mid-text", exportable()],
  [
    "a Chinese annotation",
    exportable({
      id: "cm-zh-1",
      body: "建议明确“数据保护”的范围。",
      modifiedAt: null,
      author: { name: "王芳", stakeholderGroup: "ACADEMIA", region: "ASIA_PACIFIC", country: "CN" },
      language: "zh",
      bodyLanguage: "zh-Hans",
      selector: { exact: "数据保护", prefix: "各国应加强", suffix: "方面的合作", start: 5, end: 9 },
    }),
  ],
  [
    "an annotation at the very start of the text",
    exportable({ id: "cm-start", selector: { exact: "We call on", prefix: "", suffix: " all stakeholders", start: 0, end: 10 } }),
  ],
];

function expectMustsMet(name: W3cTestName, data: unknown) {
  const failures = failedW3cAssertions(name, data);
  expect(failures, `${name} MUST assertions failed:\n${describeW3cFailures(failures)}`).toEqual([]);
}

function failedFiles(name: W3cTestName, data: unknown) {
  return failedW3cAssertions(name, data).map((failure) => failure.file);
}

function manyAnnotations(count: number, from = 0) {
  return Array.from({ length: count }, (_, i) => exportable({ id: `cm${from + i}` }));
}

describe("the W3C MUST assertions as loaded", () => {
  it.each([ANNOTATION_MUSTS, COLLECTION_MUSTS, PAGE_MUSTS])("%s compiles every listed schema", (name) => {
    expect(loadW3cTest(name).length).toBeGreaterThan(9);
  });

  it("bite: an annotation without @context, or of type Note, fails", () => {
    const { "@context": _context, ...withoutContext } = annotationToW3c(exportable(), baseUrl);
    expect(failedFiles(ANNOTATION_MUSTS, withoutContext)).toEqual(["annotations/3.1-annotationContextValidated.json"]);
    const note = { ...annotationToW3c(exportable(), baseUrl), type: "Note" };
    expect(failedFiles(ANNOTATION_MUSTS, note)).toContain("annotations/3.1-annotationTypeValidated.json");
  });

  it("bite: a bad date, a relative id, a selector without exact, or a non-integer offset fails", () => {
    const good = annotationToW3c(exportable(), baseUrl);
    expect(failedFiles(ANNOTATION_MUSTS, { ...good, created: "1 July 2025" })).toEqual([
      "annotations/3.3.1-annotationCreatedValidated.json",
    ]);
    expect(failedFiles(ANNOTATION_MUSTS, { ...good, id: "annotations/1" })).toEqual(["annotations/3.1-annotationIdValidated.json"]);
    const [quote, position] = good.target.selector;
    const { exact: _exact, ...quoteWithoutExact } = quote;
    const badQuote = { ...good, target: { ...good.target, selector: [quoteWithoutExact, position] } };
    expect(failedFiles(ANNOTATION_MUSTS, badQuote)).toContain("annotations/specificResource/4.2.4-textQuoteSelectorValid.json");
    const badPosition = { ...good, target: { ...good.target, selector: [quote, { ...position, start: 1.5 }] } };
    expect(failedFiles(ANNOTATION_MUSTS, badPosition)).toContain("annotations/specificResource/4.2-TextDataPositionSelectorValid.json");
  });

  it("bite: a non-empty collection without first, and a page whose next is not an IRI, fail", () => {
    const { first: _first, ...withoutFirst } = annotationCollection({ collectionUrl, label, total: 1, pageSize: 100 });
    expect(failedFiles(COLLECTION_MUSTS, withoutFirst)).toEqual(["collections/5.1-collectionFirstValidated.json"]);
    const page = annotationPage(manyAnnotations(100), { baseUrl, collectionUrl, label, page: 0, pageSize: 100, total: 250 });
    expect(failedFiles(PAGE_MUSTS, { ...page, next: "page 2" })).toEqual(["collections/pages/5.2-pageNextValidated.json"]);
  });
});

describe("annotationToW3c", () => {
  it.each(samples)("meets every annotation MUST for %s", (_, sample) => {
    expectMustsMet(ANNOTATION_MUSTS, annotationToW3c(sample, baseUrl));
  });

  it("maps a comment to a commenting annotation on the message version's text", () => {
    expect(annotationToW3c(exportable(), `${baseUrl}/`)).toEqual({
      "@context": [
        "http://www.w3.org/ns/anno.jsonld",
        {
          consult: `${baseUrl}/ns/consult#`,
          stakeholderGroup: "consult:stakeholderGroup",
          region: "consult:region",
          country: "consult:country",
        },
      ],
      id: `${baseUrl}/api/v1/annotations/cm1a2b3c4`,
      type: "Annotation",
      motivation: "commenting",
      created: "2025-07-01T09:30:00.000Z",
      modified: "2025-07-02T10:00:00.123Z",
      creator: { type: "Person", name: "Ana Pérez", stakeholderGroup: "CIVIL_SOCIETY", region: "LATIN_AMERICA_CARIBBEAN", country: "AR" },
      body: { type: "TextualBody", value: "Please name the stakeholders explicitly.", format: "text/plain", language: "und" },
      target: {
        type: "SpecificResource",
        source: { id: `${baseUrl}/api/v1/messages/cm-msg-23/versions/1/text`, type: "Text", format: "text/plain", language: "en" },
        scope: `${baseUrl}/consultations/wsis-20/messages/2.3?version=1`,
        selector: [
          { type: "TextQuoteSelector", exact: "all stakeholders", prefix: "We call on ", suffix: " to cooperate" },
          { type: "TextPositionSelector", start: 11, end: 27 },
        ],
      },
    });
  });

  it("keeps Chinese text as is, leaves out an empty prefix and a missing modified date", () => {
    const [, chinese] = samples[1]!;
    const zh = annotationToW3c(chinese, baseUrl);
    expect(zh.body).toMatchObject({ value: "建议明确“数据保护”的范围。", language: "zh-Hans" });
    expect(zh.target.selector[0]).toEqual({ type: "TextQuoteSelector", exact: "数据保护", prefix: "各国应加强", suffix: "方面的合作" });
    expect(zh).not.toHaveProperty("modified");
    const [, atStart] = samples[2]!;
    expect(annotationToW3c(atStart, baseUrl).target.selector[0]).toEqual({
      type: "TextQuoteSelector",
      exact: "We call on",
      suffix: " all stakeholders",
    });
  });

  it("percent-encodes a non-ASCII page address, which the W3C tests check as a URI", () => {
    const url = `${baseUrl}/consultations/数字契约/messages/1?version=2`;
    const textUrl = `${baseUrl}/api/v1/messages/cm-msg-1/versions/2/text`;
    const w3c = annotationToW3c(exportable({ message: { number: "1", versionNumber: 2, url, textUrl } }), baseUrl);
    expect(w3c.target.scope).toBe(`${baseUrl}/consultations/%E6%95%B0%E5%AD%97%E5%A5%91%E7%BA%A6/messages/1?version=2`);
    expectMustsMet(ANNOTATION_MUSTS, w3c);
    const { target: _target, ...rest } = w3c;
    expect(failedFiles(ANNOTATION_MUSTS, { ...rest, target: { ...w3c.target, source: url } })).toContain(
      "annotations/3.2-targetObjectsRecognized.json",
    );
  });

  it("never exports an e-mail address", () => {
    const withEmail = { ...exportable(), author: { ...exportable().author, email: "ana@example.org" } };
    expect(JSON.stringify(annotationToW3c(withEmail, baseUrl))).not.toContain("ana@example.org");
  });
});

describe("annotationCollection", () => {
  it.each([0, 1, 250])("meets every collection MUST with %i annotations", (total) => {
    expectMustsMet(COLLECTION_MUSTS, annotationCollection({ collectionUrl, label, total, pageSize: 100 }));
  });

  it("links the first and last pages, and has none when empty", () => {
    expect(annotationCollection({ collectionUrl, label, total: 250, pageSize: 100 })).toEqual({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      id: collectionUrl,
      type: "AnnotationCollection",
      label,
      total: 250,
      first: `${collectionUrl}?page=0`,
      last: `${collectionUrl}?page=2`,
    });
    const one = annotationCollection({ collectionUrl, label, total: 1, pageSize: 100 });
    expect([one.first, one.last]).toEqual([`${collectionUrl}?page=0`, `${collectionUrl}?page=0`]);
    const empty = annotationCollection({ collectionUrl, label, total: 0, pageSize: 100 });
    expect(empty).not.toHaveProperty("first");
    expect(empty).not.toHaveProperty("last");
  });
});

describe("annotationPage", () => {
  const paging = { baseUrl, collectionUrl, label, pageSize: 100, total: 250 };
  const pages = [
    { name: "the first", page: 0, items: manyAnnotations(100, 0) },
    { name: "a middle", page: 1, items: manyAnnotations(100, 100) },
    { name: "the last", page: 2, items: manyAnnotations(50, 200) },
  ];

  it.each(pages)("meets every page MUST, and each item every annotation MUST, on $name page", ({ page, items }) => {
    const result = annotationPage(items, { ...paging, page });
    expectMustsMet(PAGE_MUSTS, result);
    for (const item of result.items) expectMustsMet(ANNOTATION_MUSTS, { "@context": result["@context"], ...item });
  });

  it("links to its neighbours, says where it starts and what it is part of", () => {
    const [first, middle, last] = pages.map(({ page, items }) => annotationPage(items, { ...paging, page }));
    expect(first).toMatchObject({ id: `${collectionUrl}?page=0`, startIndex: 0, next: `${collectionUrl}?page=1` });
    expect(first).not.toHaveProperty("prev");
    expect(middle).toMatchObject({ startIndex: 100, prev: `${collectionUrl}?page=0`, next: `${collectionUrl}?page=2` });
    expect(last).toMatchObject({ startIndex: 200, prev: `${collectionUrl}?page=1` });
    expect(last).not.toHaveProperty("next");
    expect(last?.partOf).toEqual({ id: collectionUrl, label, total: 250 });
    expect(last?.items).toHaveLength(50);
    expect(last?.items[0]).not.toHaveProperty("@context");
    expect(last?.items[0]?.id).toBe(`${baseUrl}/api/v1/annotations/cm200`);
  });

  it("keeps the collection URL's own query", () => {
    expect(pageIri(`${collectionUrl}?lang=fr`, 3)).toBe(`${collectionUrl}?lang=fr&page=3`);
  });

  it("refuses a page outside the collection or more items than a page holds", () => {
    expect(() => annotationPage([], { ...paging, page: 3 })).toThrow(RangeError);
    expect(() => annotationPage([], { ...paging, page: -1 })).toThrow(RangeError);
    expect(() => annotationPage([], { ...paging, total: 0, page: 0 })).toThrow(RangeError);
    expect(() => annotationPage(manyAnnotations(101), { ...paging, page: 0 })).toThrow(RangeError);
  });
});
