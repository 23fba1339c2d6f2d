import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";
import { localeDirection, negotiateLocale } from "@/lib/i18n/locales";
import { sameSitePath } from "@/lib/http/same-site-path";
import { callbackPathField } from "@/lib/auth/schemas";

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

describe("redirect targets", () => {
  it("keeps same-site paths and drops everything else", () => {
    expect(sameSitePath("http://localhost:3000/account?x=1", "localhost:3000")).toBe("/account?x=1");
    expect(sameSitePath("https://evil.example/account", "localhost:3000")).toBe("/");
    expect(sameSitePath(null, "localhost:3000")).toBe("/");
    expect(callbackPathField.parse("/consultations/x")).toBe("/consultations/x");
    expect(callbackPathField.parse("//evil.example")).toBe("/");
    expect(callbackPathField.parse("https://evil.example")).toBe("/");
    expect(callbackPathField.parse(undefined)).toBe("/");
  });
});
