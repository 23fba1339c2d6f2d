import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import ar from "@/messages/ar.json";
import { isolateArguments, isolateInMessage } from "@/lib/i18n/bidi";

const FSI = "\u2068";
const PDI = "\u2069";

describe("Arabic messages isolate what they interpolate", () => {
  it("wraps simple and formatted arguments, and a plural's number, but not the words around them", () => {
    expect(isolateInMessage("تعليق من {name}")).toBe(`تعليق من ${FSI}{name}${PDI}`);
    expect(isolateInMessage("{count, number} تعليق")).toBe(`${FSI}{count, number}${PDI} تعليق`);
    expect(isolateInMessage("{count, plural, one {تعليق واحد من {name}} other {# تعليقات}}")).toBe(
      `{count, plural, one {تعليق واحد من ${FSI}{name}${PDI}} other {${FSI}#${PDI} تعليقات}}`,
    );
    expect(isolateInMessage("{state, select, open {مفتوح} other {مغلق}}")).toBe("{state, select, open {مفتوح} other {مغلق}}");
    expect(isolateInMessage("'{'literal'}' و {x}")).toBe(`'{'literal'}' و ${FSI}{x}${PDI}`);
  });

  it("leaves every message of the Arabic catalogue well formed, with the same text once the marks are taken out", () => {
    const isolated = isolateArguments(ar);
    const walk = (original: unknown, changed: unknown, key: string): void => {
      if (typeof original === "string") {
        const message = new IntlMessageFormat(changed as string, "ar", undefined, { ignoreTag: true });
        const values = Object.fromEntries((original.match(/\{(\w+)/g) ?? []).map((name) => [name.slice(1), 3]));
        const plain = new IntlMessageFormat(original, "ar", undefined, { ignoreTag: true }).format(values);
        expect(String(message.format(values)).replaceAll(FSI, "").replaceAll(PDI, ""), key).toBe(String(plain));
        return;
      }
      for (const [name, value] of Object.entries(original as object)) walk(value, (changed as Record<string, unknown>)[name], `${key}.${name}`);
    };
    walk(ar, isolated, "ar");
  });
});
