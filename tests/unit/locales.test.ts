import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";
import { localeDirection, negotiateLocale } from "@/lib/i18n/locales";

const keys = (node: object, prefix = ""): string[] =>
  Object.entries(node).flatMap(([key, value]) =>
    typeof value === "object" && value ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );

describe("languages", () => {
  it("has every English string in Chinese and nothing extra", () => {
    expect(keys(zh).sort()).toEqual(keys(en).sort());
  });

  it("negotiates from Accept-Language with quality values", () => {
    expect(negotiateLocale("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh");
    expect(negotiateLocale("fr-FR, en;q=0.5, zh;q=0.7")).toBe("zh");
    expect(negotiateLocale("de")).toBe("en");
    expect(negotiateLocale(undefined)).toBe("en");
  });

  it("knows writing direction", () => {
    expect(localeDirection("zh")).toBe("ltr");
    expect(localeDirection("ar-EG")).toBe("rtl");
  });
});
