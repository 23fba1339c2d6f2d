import { describe, expect, it } from "vitest";
import { normaliseForMatching, textFingerprint } from "@/lib/text/fingerprint";

describe("normaliseForMatching", () => {
  it("folds case, width and compatibility forms", () => {
    expect(normaliseForMatching("ＨＥＬＬＯ Straße ﬁne")).toBe("hello strasse fine");
  });

  it("collapses whitespace, punctuation and symbols into single spaces", () => {
    expect(normaliseForMatching("  Burn   it,\tdown!!! — now…  ")).toBe("burn it down now");
    expect(normaliseForMatching("ha\u200bte")).toBe("hate");
  });

  it("keeps words and digits apart from one another", () => {
    expect(normaliseForMatching("vote 2026")).not.toBe(normaliseForMatching("vote 2027"));
  });
});

describe("textFingerprint", () => {
  it("is the same for a re-post that differs only in case, spacing or punctuation", () => {
    expect(textFingerprint("They should all be driven out.")).toBe(textFingerprint("THEY should   all be driven out!!"));
  });

  it("differs for different words, and is SHA-256 hex", () => {
    expect(textFingerprint("driven out")).not.toBe(textFingerprint("driven off"));
    expect(textFingerprint("x")).toMatch(/^[0-9a-f]{64}$/);
  });

  it("reads Chinese text as it is, folding full-width punctuation", () => {
    expect(textFingerprint("我们反对这个提案。")).toBe(textFingerprint("我们反对这个提案 ."));
  });
});
