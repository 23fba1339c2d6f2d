import { describe, expect, it } from "vitest";
import { attachmentDisposition } from "@/lib/api/download";
import { outcomeMarkdown, redlineMarkdown } from "@/lib/finalisation/outcome-markdown";
import { changesOf, countDispositions, finalTextOf } from "@/lib/finalisation/outcome-text";

const disposition = (outcome: "INCORPORATED" | "NOTED") => ({ disposition: { outcome, rationale: "", decidedAt: new Date(0) } });

describe("the outcome's texts", () => {
  it("takes a kept message's draft as its final text when none was written, and none for a dropped one", () => {
    expect(finalTextOf({ fate: "KEPT", draftText: "Draft.", finalText: null })).toBe("Draft.");
    expect(finalTextOf({ fate: "KEPT", draftText: "Draft.", finalText: "Final." })).toBe("Final.");
    expect(finalTextOf({ fate: "DROPPED", draftText: "Draft.", finalText: null })).toBeNull();
    expect(changesOf({ fate: "MERGED", draftText: "Draft.", finalText: null }, "en")).toEqual([{ kind: "delete", text: "Draft." }]);
  });

  it("counts dispositions, unanswered comments apart", () => {
    const counts = countDispositions([disposition("INCORPORATED"), disposition("INCORPORATED"), disposition("NOTED"), { disposition: null }]);
    expect(counts).toEqual({
      comments: 4,
      answered: 3,
      byOutcome: { INCORPORATED: 2, PARTLY_INCORPORATED: 0, NOT_INCORPORATED: 0, NOTED: 1, OUT_OF_SCOPE: 0 },
    });
  });

  it("writes changes as <del>/<ins> with the text escaped", () => {
    expect(redlineMarkdown([{ kind: "equal", text: "a *b* " }, { kind: "delete", text: "<i>" }, { kind: "insert", text: "c_d" }])).toBe(
      "a \\*b\\* <del>&lt;i&gt;</del><ins>c\\_d</ins>",
    );
  });

  it("names a download in ASCII for old clients and in UTF-8 for the rest", () => {
    expect(attachmentDisposition("igf-outcome.md")).toBe(`attachment; filename="igf-outcome.md"; filename*=UTF-8''igf-outcome.md`);
    expect(attachmentDisposition('成果 "x".md')).toBe(`attachment; filename="x.md"; filename*=UTF-8''%E6%88%90%E6%9E%9C%20%22x%22.md`);
  });
});

describe("the outcome as Markdown", () => {
  it("keeps what people wrote as text: no lists, headings or rules made from it", () => {
    const markdown = outcomeMarkdown({
      slug: "s",
      title: "# Not a *heading*",
      introduction: "",
      language: "en",
      referenceTimeZone: "UTC",
      closesAt: null,
      finalisedAt: new Date("2026-07-14T10:00:00Z"),
      corrections: [],
      sections: [
        {
          id: "s1",
          number: "1",
          heading: "Trust",
          introduction: "",
          sections: [],
          messages: [
            { id: "m1", number: "1.1", fate: "KEPT", mergedIntoNumber: null, fateNote: "", draftText: "Old", finalText: "Intro\n---\n- item\n1. first", finalVersionNumber: 2, comments: [] },
          ],
        },
      ],
    });
    expect(markdown.startsWith("# \\# Not a \\*heading\\*\n")).toBe(true);
    expect(markdown).toContain("### Message 1.1\n\nIntro  \n\\---  \n\\- item  \n1\\. first\n");
    expect(markdown).toContain("Outcome published: July 14, 2026 at 10:00 AM (UTC)");
  });

  it("labels a Spanish document in Spanish and a document in a language the interface lacks in English", () => {
    const document = {
      slug: "s", title: "Confianza", introduction: "", referenceTimeZone: "UTC", closesAt: null,
      finalisedAt: new Date("2026-07-14T10:00:00Z"), corrections: [], sections: [],
    };
    expect(outcomeMarkdown({ ...document, language: "es" })).toContain("14 de julio de 2026");
    expect(outcomeMarkdown({ ...document, language: "pt" })).toContain("July 14, 2026");
  });
});
