import { describe, expect, it } from "vitest";
import { linkify } from "@/lib/text/linkify";

const links = (text: string) => linkify(text).flatMap((part) => (part.href ? [part.href] : []));

describe("linkify", () => {
  it("finds http and https addresses and keeps every character of the text", () => {
    const text = "See https://www.intgovforum.org/en/content/igf-2025 and http://example.org/a?b=1#c, then reply.";
    expect(links(text)).toEqual(["https://www.intgovforum.org/en/content/igf-2025", "http://example.org/a?b=1#c"]);
    expect(linkify(text).map((part) => part.text).join("")).toBe(text);
  });

  it("leaves sentence punctuation and an enclosing bracket out of the address", () => {
    expect(links("Read https://example.org/report.")).toEqual(["https://example.org/report"]);
    expect(links("(see https://example.org/a_(b))")).toEqual(["https://example.org/a_(b)"]);
    expect(links("Is it https://example.org/x?")).toEqual(["https://example.org/x"]);
  });

  it("ends an address at Chinese text and full-width punctuation", () => {
    expect(links("详见https://www.un.org/zh/。其他内容")).toEqual(["https://www.un.org/zh/"]);
    expect(links("网址：https://example.org/a，以及https://example.org/b）")).toEqual(["https://example.org/a", "https://example.org/b"]);
  });

  it("makes no link of other schemes, of markup, or of an address without a host", () => {
    expect(links("javascript:alert(1) data:text/html,<b>x</b> ftp://example.org mailto:a@b.org")).toEqual([]);
    expect(links("https:// nothing here, xhttps://example.org")).toEqual([]);
    const parts = linkify('<a href="https://evil.example/">x</a>');
    expect(parts.map((part) => part.href).filter(Boolean)).toEqual(["https://evil.example/"]);
    expect(parts.map((part) => part.text).join("")).toBe('<a href="https://evil.example/">x</a>');
  });

  it("returns plain text untouched", () => {
    expect(linkify("没有链接的文字")).toEqual([{ text: "没有链接的文字" }]);
    expect(linkify("")).toEqual([]);
  });
});
