import { describe, expect, it } from "vitest";
import { countryName, countryOptions, isCountryCode } from "@/lib/profiles/countries";

describe("countries", () => {
  it("uses the UN M49 names in English and Chinese", () => {
    expect(countryName("GB", "en")).toBe("United Kingdom of Great Britain and Northern Ireland");
    expect(countryName("GB", "zh")).toBe("大不列颠及北爱尔兰联合王国");
    expect(countryName("BO", "en")).toBe("Bolivia (Plurinational State of)");
    expect(countryName("HK", "zh")).toBe("中国香港特别行政区");
    expect(countryName("KR", "en")).toBe("Republic of Korea");
    expect(countryName("CI", "zh")).toBe("科特迪瓦");
  });

  it("names every M49 code in French, Spanish, Russian and Arabic from Intl", () => {
    expect(countryName("GB", "fr")).toBe("Royaume-Uni");
    expect(countryName("DE", "es")).toBe("Alemania");
    for (const locale of ["ar", "fr", "ru", "es"]) {
      const options = countryOptions(locale);
      expect(options).toHaveLength(248);
      expect(options.filter((option) => option.name === option.code)).toEqual([]);
    }
  });

  it("offers the M49 list sorted in the reader's language", () => {
    const english = countryOptions("en");
    expect(english).toHaveLength(248);
    expect(english[0]).toEqual({ code: "AF", name: "Afghanistan" });
    expect(english.map((option) => option.code)).not.toContain("TW");
    const chinese = countryOptions("zh").map((option) => option.name);
    // Pinyin order: 阿 (ā) before 中 (zhōng).
    expect(chinese.indexOf("阿富汗")).toBeLessThan(chinese.indexOf("中国"));
  });

  it("keeps stored codes valid: a code outside M49 is still accepted, named, and offered to whoever holds it", () => {
    expect(isCountryCode("NP")).toBe(true);
    expect(isCountryCode("TW")).toBe(true);
    expect(isCountryCode("XX")).toBe(false);
    expect(isCountryCode("constructor")).toBe(false);
    expect(countryName("TW", "en")).toBe("Taiwan");
    expect(countryOptions("en", "TW").map((option) => option.code)).toContain("TW");
  });
});
