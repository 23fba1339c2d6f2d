import { describe, expect, it } from "vitest";
import { languageName } from "@/lib/i18n/language-name";
import { dominantScript, scriptsOfLanguage, writtenInOtherScript } from "@/lib/text/script";

describe("the script of a search", () => {
  it("finds the script most letters are written in", () => {
    expect(dominantScript("digital divide")).toBe("Latn");
    expect(dominantScript("数字鸿沟")).toBe("Hani");
    expect(dominantScript("IGF 数字鸿沟")).toBe("Hani");
    expect(dominantScript("цифровой")).toBe("Cyrl");
    expect(dominantScript("2025 — !")).toBeNull();
  });

  it("knows which scripts a document language is written in", () => {
    expect(scriptsOfLanguage("zh")).toEqual(["Hani"]);
    expect(scriptsOfLanguage("zh-Hant")).toEqual(["Hani"]);
    expect(scriptsOfLanguage("en")).toEqual(["Latn"]);
    expect(scriptsOfLanguage("ja")).toEqual(["Hani", "Hira", "Kana"]);
    expect(scriptsOfLanguage("not a tag")).toBeNull();
  });

  it("says when the words typed are not in the document's script", () => {
    expect(writtenInOtherScript("digital divide", "zh")).toBe(true);
    expect(writtenInOtherScript("数字鸿沟", "en")).toBe(true);
    expect(writtenInOtherScript("数字鸿沟", "zh")).toBe(false);
    expect(writtenInOtherScript("digital", "fr")).toBe(false);
    expect(writtenInOtherScript("漢字", "ja")).toBe(false);
    expect(writtenInOtherScript("3.2", "zh")).toBe(false);
    expect(writtenInOtherScript("digital", "???")).toBe(false);
  });

  it("names languages in the reader's language", () => {
    expect(languageName("zh", "en")).toBe("Chinese");
    expect(languageName("zh", "zh")).toBe("中文");
    expect(languageName("en", "zh")).toBe("英语");
    expect(languageName("not a tag", "en")).toBe("not a tag");
  });
});
