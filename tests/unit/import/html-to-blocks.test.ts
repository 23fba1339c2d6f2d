import { describe, expect, it } from "vitest";
import { HARD_BREAK, PARAGRAPH_BREAK } from "@/lib/import/block";
import { htmlToBlocks } from "@/lib/import/html-to-blocks";

// Shapes of HTML that mammoth writes.
describe("reading mammoth's HTML", () => {
  it("maps headings, paragraphs and lists, flattening nested items", () => {
    expect(
      htmlToBlocks("<h2>Theme</h2><p>Intro</p><ol><li>One<ul><li>One.a</li></ul></li><li>Two</li></ol>"),
    ).toEqual([
      { kind: "heading", level: 2, text: "Theme" },
      { kind: "paragraph", text: "Intro" },
      { kind: "list", ordered: true, items: ["One", "One.a", "Two"] },
    ]);
  });

  it("decodes entities and keeps tabs, line breaks and inline text", () => {
    expect(
      htmlToBlocks('<p>A &amp; B &lt;C&gt; &quot;D&quot; &#x4E2D;&#25991;\t7<br />next <strong>bold</strong> <em>em</em> <a href="https://x.org">link</a></p>'),
    ).toEqual([{ kind: "paragraph", text: `A & B <C> "D" 中文\t7${HARD_BREAK}next bold em link` }]);
  });

  it("keeps a link's URL only when it has no text, and never a bookmark's", () => {
    expect(htmlToBlocks('<p><a id="_Toc1"></a>See <a href="https://x.org/a"></a></p>')).toEqual([
      { kind: "paragraph", text: "See https://x.org/a" },
    ]);
  });

  it("leaves out footnote references and the footnote list mammoth appends", () => {
    const html =
      '<h1>T</h1><p>Claim<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>.</p>' +
      '<ol><li id="footnote-1"><p>Source. <a href="#footnote-ref-1">↑</a></p></li></ol>';
    expect(htmlToBlocks(html)).toEqual([
      { kind: "heading", level: 1, text: "T" },
      { kind: "paragraph", text: "Claim." },
    ]);
  });

  it("reads tables row by row, images by their alt text", () => {
    expect(htmlToBlocks('<table><tr><td><p>a</p></td><td><p>b</p></td></tr><tr><td>c</td><td><img alt="chart" src="" /></td></tr></table>')).toEqual([
      { kind: "paragraph", text: `a\tb${HARD_BREAK}c\tchart`, literal: true },
    ]);
  });

  it("separates paragraphs inside a list item", () => {
    expect(htmlToBlocks("<ul><li><p>First</p><p>Second</p></li></ul>")).toEqual([
      { kind: "list", ordered: false, items: [`First${PARAGRAPH_BREAK}Second`] },
    ]);
  });

  it("tolerates a stray '<', empty elements and an unmatched closing tag", () => {
    expect(htmlToBlocks("<p>a < b</p></div><p></p><h3></h3><ul></ul><p>c</p>")).toEqual([
      { kind: "paragraph", text: "a < b" },
      { kind: "break" },
      { kind: "paragraph", text: "c" },
    ]);
  });
});
