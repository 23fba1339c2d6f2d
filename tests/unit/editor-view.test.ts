import { describe, expect, it } from "vitest";
import { filterMessages, firstLine, openSectionIds } from "@/lib/consultations/editor-view";
import type { SectionNode } from "@/lib/consultations/read-tree";

const message = (id: string, number: string, text: string) => ({ id, number, text, versionNumber: 1, versionKind: "DRAFT" as const, commentCount: 0 });
const tree: SectionNode[] = [
  { id: "s1", number: "1", heading: "Trust", introduction: "", messages: [message("m11", "1.1", "Trust is built on Transparency.")], sections: [
    { id: "s11", number: "1.1", heading: "Cables", introduction: "", messages: [message("m111", "1.1.1", "海底电缆需要冗余。"), message("m112", "1.1.2", "Cables cross borders.")], sections: [] },
  ] },
  { id: "s2", number: "2", heading: "Access", introduction: "", messages: [message("m21", "2.1", "Access needs transparency and trust.")], sections: [] },
];

describe("the editor's filter", () => {
  it("finds a message by its number, or every message under a section's number", () => {
    expect(filterMessages(tree, "1.1.2").map((found) => found.message.id)).toEqual(["m112"]);
    expect(filterMessages(tree, "1.1").map((found) => found.message.id)).toEqual(["m11", "m111", "m112"]);
    expect(filterMessages(tree, "9")).toEqual([]);
  });

  it("finds messages holding every word, in any case, and Chinese without spaces", () => {
    expect(filterMessages(tree, "trust TRANSPARENCY").map((found) => found.message.id)).toEqual(["m11", "m21"]);
    expect(filterMessages(tree, "电缆").map((found) => [found.message.id, found.section.number])).toEqual([["m111", "1.1"]]);
    expect(filterMessages(tree, "  ")).toEqual([]);
  });
});

describe("the editor's open sections", () => {
  it("opens the sections around the message being edited, or the chosen section", () => {
    expect([...openSectionIds(tree, { messageId: "m112" })]).toEqual(["s1", "s11"]);
    expect([...openSectionIds(tree, { sectionId: "s2" })]).toEqual(["s2"]);
    expect([...openSectionIds(tree, { messageId: "nothing" })]).toEqual([]);
  });

  it("shows a message's first line, cut short", () => {
    expect(firstLine("One line\nand another")).toBe("One line");
    expect(firstLine("互".repeat(130), 120)).toBe(`${"互".repeat(120)}…`);
  });
});
