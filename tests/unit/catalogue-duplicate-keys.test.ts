import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const MESSAGES = path.resolve(import.meta.dirname, "../../messages");
const CATALOGUES = readdirSync(MESSAGES).filter((name) => name.endsWith(".json")).sort();

type Frame = { kind: "object"; path: string; keys: Set<string>; awaitingKey: boolean; lastKey: string } | { kind: "array"; path: string; index: number };

/**
 * Every key that appears twice in the same object of a JSON text, as
 * "dotted.path (line n)" of its second appearance. JSON.parse cannot tell:
 * it silently keeps the last value (at the first one's position), so a
 * catalogue with a key written twice loses one of its translations.
 * Assumes well-formed JSON (the other catalogue tests parse it).
 */
function duplicateKeys(text: string): string[] {
  const found: string[] = [];
  const stack: Frame[] = [];
  const childPath = () => {
    const top = stack.at(-1);
    if (!top) return "";
    return top.kind === "object" ? `${top.path}${top.lastKey}.` : `${top.path}${top.index}.`;
  };
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === "\n") line++;
    else if (char === "{") stack.push({ kind: "object", path: childPath(), keys: new Set(), awaitingKey: true, lastKey: "" });
    else if (char === "[") stack.push({ kind: "array", path: childPath(), index: 0 });
    else if (char === "}" || char === "]") stack.pop();
    else if (char === ",") {
      const top = stack.at(-1);
      if (top?.kind === "object") top.awaitingKey = true;
      else if (top?.kind === "array") top.index++;
    } else if (char === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === "\\" ? 2 : 1;
      const top = stack.at(-1);
      if (top?.kind === "object" && top.awaitingKey) {
        // Compared decoded, so "\u0061" and "a" are the same key.
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (top.keys.has(key)) found.push(`${top.path}${key} (line ${line})`);
        top.keys.add(key);
        top.lastKey = key;
        top.awaitingKey = false;
      }
      i = end;
    }
  }
  return found;
}

describe("the catalogues have no key twice in one object", () => {
  it("finds the catalogues", () => {
    expect(CATALOGUES).toContain("en.json");
    expect(CATALOGUES.length).toBeGreaterThan(1);
  });

  it.each(CATALOGUES)("%s", (name) => {
    expect(duplicateKeys(readFileSync(path.join(MESSAGES, name), "utf8"))).toEqual([]);
  });
});

describe("the duplicate-key scanner", () => {
  it("catches a key written twice in one object, as errors.languageInvalid once was", () => {
    const catalogue = [
      "{",
      '  "errors": {',
      '    "languageInvalid": "Give the language as a tag such as “en”, “zh-Hans” or “ar”.",',
      '    "titleRequired": "Enter a title.",',
      '    "languageInvalid": "Choose a language.",',
      '    "timeZoneRequired": "Choose a time zone."',
      "  }",
      "}",
    ].join("\n");
    expect(duplicateKeys(catalogue)).toEqual(["errors.languageInvalid (line 5)"]);
    // What JSON.parse makes of it: one key, the last value, nothing to see.
    expect(Object.keys((JSON.parse(catalogue) as { errors: object }).errors)).toEqual(["languageInvalid", "titleRequired", "timeZoneRequired"]);
  });

  it("catches a duplicate in a real catalogue, at any depth", () => {
    const english = readFileSync(path.join(MESSAGES, "en.json"), "utf8");
    const doubled = english.replace(/^( {4}"titleRequired": .*\n)/m, '$1    "languageInvalid": "Choose a language.",\n');
    expect(doubled).not.toBe(english);
    expect(duplicateKeys(doubled)).toEqual([expect.stringMatching(/^errors\.languageInvalid \(line \d+\)$/)]);
    expect(duplicateKeys('{"a": {"b": {"c": 1, "d": [{"e": 1, "e": 2}], "c": 3}}}')).toEqual(["a.b.d.0.e (line 1)", "a.b.c (line 1)"]);
    expect(duplicateKeys('{"a": 1,\n"a": 2}')).toEqual(["a (line 2)"]);
  });

  it("allows the same key in different objects, and is not misled by strings or escapes", () => {
    expect(duplicateKeys('{"a": {"title": "x"}, "b": {"title": "x"}, "title": "x"}')).toEqual([]);
    expect(duplicateKeys('{"a": "{\\"a\\": 1, \\"a\\": 2}", "b": "} , { [", "c": ["a", "a"]}')).toEqual([]);
    expect(duplicateKeys('{"a": 1, "\\u0061": 2}')).toEqual(["a (line 1)"]);
    expect(duplicateKeys('{"say": "{count, plural, one {# \\"a\\"} other {# b}}", "say2": "x"}')).toEqual([]);
  });
});
