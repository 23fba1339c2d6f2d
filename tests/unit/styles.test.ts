import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const css = readFileSync(path.join(import.meta.dirname, "../../app/globals.css"), "utf8").replace(/\/\*[\s\S]*?\*\//g, "");

describe("the stylesheet", () => {
  it("lays out with logical properties only, so that Arabic pages mirror (no physical left or right)", () => {
    const declarations = [...css.matchAll(/([a-z-]+)\s*:\s*([^;{}]+)/g)].map(([, property, value]) => ({ property: property!, value: value!.trim() }));
    expect(declarations.length).toBeGreaterThan(100);
    const physical = declarations.filter(
      ({ property, value }) =>
        /^(?:left|right)$|-(?:left|right)(?:-|$)/.test(property) ||
        (/^(?:float|clear|text-align|caption-side)$/.test(property) && /\b(?:left|right)\b/.test(value)) ||
        (/^(?:margin|padding|inset|border-width|border-style|border-color|scroll-margin|scroll-padding)$/.test(property) && value.split(/\s+/).length === 4),
    );
    expect(physical).toEqual([]);
  });

  it("gives Arabic and Chinese text their own system font stacks", () => {
    expect(css).toMatch(/:lang\(ar\)\s*\{[^}]*font-family/);
    expect(css).toMatch(/:lang\(zh\)\s*\{[^}]*font-family/);
  });
});
