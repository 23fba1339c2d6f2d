import { describe, expect, it } from "vitest";
import { isStorableText, nameText, recordId, storableText, textProblem, userText } from "@/lib/text/user-text";

const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;

const name = nameText({ required: "errors.nameRequired", max: 10, tooLong: "errors.nameTooLong" });
const body = userText({ required: "errors.commentBodyRequired", max: 10, tooLong: "errors.commentBodyTooLong" });

describe("the text rule", () => {
  it("refuses NUL and lone surrogates in any text, keeping surrogate pairs", () => {
    expect(textProblem("a\u0000b")).toBe("errors.textHasNul");
    expect(textProblem("\uD800")).toBe("errors.textHasBrokenCharacter");
    expect(textProblem("a\uDC00b", "key")).toBe("errors.textHasBrokenCharacter");
    expect(textProblem("😀 emoji")).toBeNull();
    expect(isStorableText("abc-123")).toBe(true);
    expect(isStorableText("abc\u0000")).toBe(false);
    expect(isStorableText("\uDBFF")).toBe(false);
  });

  it("requires something visible, not only spaces, zero-width or format characters or marks", () => {
    for (const invisible of ["\u200B\u200B", "\u200C\u200D", "\u2060", "\uFEFF\u200B", "\u00AD", "\u0301\u0308", "\u3164", "\u2800", "\u3000"]) {
      expect(textProblem(invisible), JSON.stringify(invisible)).toBe("errors.textNotVisible");
    }
    expect(textProblem("")).toBeNull();
    expect(textProblem("\u200B", "key")).toBeNull();
    expect(textProblem("e\u0301")).toBeNull();
    expect(textProblem("数字")).toBeNull();
  });

  it("refuses direction controls and other invisible characters in names only", () => {
    for (const control of ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C"]) {
      expect(textProblem(`Ada${control}x`, "name"), control.codePointAt(0)!.toString(16)).toBe("errors.nameHasDirectionControl");
      expect(textProblem(`Ada${control}x`, "text")).toBeNull();
    }
    for (const hidden of ["\u200B", "\u2060", "\uFEFF", "\u00AD", "\n", "\t", "\u2028", "\u3164"]) {
      expect(textProblem(`Ada${hidden}x`, "name"), hidden.codePointAt(0)!.toString(16)).toBe("errors.nameHasInvisibleCharacter");
    }
  });

  it("keeps names in every script, with the joiners they need", () => {
    for (const fine of ["Wanjiru Kamau", "محمد\u200Cرضا", "अनुराग क्ष\u200Dत्रिय", "José Müller", "李小龙", "👩\u200D💻 Dev", "O'Brien-Smith"]) {
      expect(textProblem(fine, "name"), fine).toBeNull();
    }
  });
});

describe("the schemas built on it", () => {
  it("trims, then checks required, length and the rule, each with its own message", () => {
    expect(name.parse("  Ada  ")).toBe("Ada");
    expect(firstMessage(name.safeParse("   "))).toBe("errors.nameRequired");
    expect(firstMessage(name.safeParse(undefined))).toBe("errors.nameRequired");
    expect(firstMessage(name.safeParse("x".repeat(11)))).toBe("errors.nameTooLong");
    expect(name.parse(` ${"x".repeat(10)} `)).toHaveLength(10);
    expect(firstMessage(name.safeParse("\u202EIGF"))).toBe("errors.nameHasDirectionControl");
    expect(firstMessage(name.safeParse("\u200B\u200B"))).toBe("errors.textNotVisible");
    expect(firstMessage(body.safeParse("ok\u0000"))).toBe("errors.textHasNul");
    expect(firstMessage(body.safeParse("\uD800"))).toBe("errors.textHasBrokenCharacter");
    expect(body.parse("a\u202Eb")).toBe("a\u202Eb");
  });

  it("lets optional text be empty but not invisible", () => {
    const organisation = nameText({ max: 20, tooLong: "errors.organisationTooLong" });
    expect(organisation.parse("  ")).toBe("");
    expect(firstMessage(organisation.safeParse("\u200B"))).toBe("errors.textNotVisible");
  });

  it("checks ids and other keys for storability only", () => {
    expect(recordId.parse("cm1abc")).toBe("cm1abc");
    expect(recordId.safeParse("").success).toBe(false);
    expect(firstMessage(recordId.safeParse("id\u0000"))).toBe("errors.textHasNul");
    expect(storableText.parse(" \u200B ")).toBe(" \u200B ");
  });
});
