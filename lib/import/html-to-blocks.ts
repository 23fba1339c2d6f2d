import { type Block, HARD_BREAK, PARAGRAPH_BREAK } from "./block";
import { decodeHtmlEntities } from "./decode-html-entities";

// A tiny reader for mammoth's own HTML, not for HTML in general: mammoth writes
// well-formed, unindented markup (h1-h6, p, ul/ol/li, table, a, br, img, inline
// formatting) with only & < > " escaped, so a tag tokenizer is enough and
// spares a full HTML parser dependency.

type Element = { name: string; attributes: Record<string, string>; children: Node[] };
type Node = Element | string;

const VOID_ELEMENTS = new Set(["br", "img", "input", "hr"]);
const TOKEN = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*(\/?)>|([^<]+)|</g;
const ATTRIBUTE = /([^\s=>/]+)(?:="([^"]*)")?/g;

/** Reads mammoth's HTML into the intermediate block model. */
export function htmlToBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  for (const node of parseHtml(html).children) pushBlocks(node, blocks);
  return blocks;
}

function parseHtml(html: string): Element {
  const root: Element = { name: "#root", attributes: {}, children: [] };
  const stack: Element[] = [root];
  for (const match of html.matchAll(TOKEN)) {
    const parent = stack.at(-1) ?? root;
    const [token, closing, rawName, rawAttributes, selfClosing, text] = match;
    if (text !== undefined) {
      parent.children.push(decodeHtmlEntities(text));
    } else if (rawName === undefined) {
      parent.children.push(token); // a stray "<" is text
    } else if (closing) {
      const name = rawName.toLowerCase();
      const index = stack.findLastIndex((element) => element.name === name);
      if (index > 0) stack.length = index;
    } else {
      const element: Element = { name: rawName.toLowerCase(), attributes: parseAttributes(rawAttributes ?? ""), children: [] };
      parent.children.push(element);
      if (!selfClosing && !VOID_ELEMENTS.has(element.name)) stack.push(element);
    }
  }
  return root;
}

function parseAttributes(raw: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [, name, value] of raw.matchAll(ATTRIBUTE)) {
    if (name !== undefined) attributes[name.toLowerCase()] = decodeHtmlEntities(value ?? "");
  }
  return attributes;
}

// Footnotes, endnotes and comments are appended by mammoth at the end of the
// document; they are not part of the draft's structure, so they are left out.
function isNote(element: Element): boolean {
  const id = element.attributes.id ?? "";
  const href = element.attributes.href ?? "";
  return /^(footnote|endnote|comment)-/.test(id) || /^#(footnote|endnote|comment)-/.test(href);
}

function pushBlocks(node: Node, blocks: Block[]): void {
  if (typeof node === "string") {
    if (node.trim() !== "") blocks.push({ kind: "paragraph", text: node });
    return;
  }
  if (isNote(node)) return;
  const heading = /^h([1-6])$/.exec(node.name);
  if (heading) {
    const text = inlineText(node.children);
    blocks.push(text.trim() === "" ? { kind: "break" } : { kind: "heading", level: Number(heading[1]), text });
  } else if (node.name === "p") {
    const text = inlineText(node.children);
    if (text.trim() !== "") blocks.push({ kind: "paragraph", text });
  } else if (node.name === "ul" || node.name === "ol") {
    const items = flattenList(node);
    if (items.length > 0) blocks.push({ kind: "list", ordered: node.name === "ol", items });
  } else if (node.name === "table") {
    const text = tableRows(node).join(HARD_BREAK);
    if (text.trim() !== "") blocks.push({ kind: "paragraph", text, literal: true });
  } else if (node.name === "hr") {
    blocks.push({ kind: "break" });
  } else {
    for (const child of node.children) pushBlocks(child, blocks);
  }
}

function flattenList(list: Element, items: string[] = []): string[] {
  for (const item of list.children) {
    if (typeof item === "string" || item.name !== "li" || isNote(item)) continue;
    const nested = item.children.filter(
      (child): child is Element => typeof child !== "string" && (child.name === "ul" || child.name === "ol"),
    );
    const own = item.children.filter((child) => !nested.includes(child as Element));
    const text = paragraphsText(own);
    if (text.trim() !== "") items.push(text);
    for (const sublist of nested) flattenList(sublist, items);
  }
  return items;
}

/** Inline content with any <p> inside (e.g. in a list item or table cell) as paragraph breaks. */
function paragraphsText(nodes: Node[]): string {
  const parts: string[] = [];
  let inline: Node[] = [];
  const flush = () => {
    parts.push(inlineText(inline));
    inline = [];
  };
  for (const node of nodes) {
    if (typeof node !== "string" && node.name === "p") {
      flush();
      parts.push(inlineText(node.children));
    } else {
      inline.push(node);
    }
  }
  flush();
  return parts.filter((part) => part.trim() !== "").join(PARAGRAPH_BREAK);
}

// Each row becomes one line, cells separated by a tab (collapsed to a space later).
function tableRows(table: Element): string[] {
  const rows: string[] = [];
  const visit = (element: Element) => {
    if (element.name === "tr") {
      const cells = element.children.filter((cell): cell is Element => typeof cell !== "string");
      rows.push(cells.map((cell) => paragraphsText(cell.children).split(/[\u2028\u2029]/).join(" ")).join("\t"));
      return;
    }
    for (const child of element.children) if (typeof child !== "string") visit(child);
  };
  visit(table);
  return rows;
}

function inlineText(nodes: Node[]): string {
  return nodes.map(inlineNodeText).join("");
}

function inlineNodeText(node: Node): string {
  if (typeof node === "string") return node;
  if (isNote(node)) return "";
  switch (node.name) {
    case "br":
      return HARD_BREAK;
    case "img":
      return node.attributes.alt ?? "";
    case "a": {
      const text = inlineText(node.children);
      const href = node.attributes.href ?? "";
      return text.trim() === "" && !href.startsWith("#") ? href : text;
    }
    default:
      return inlineText(node.children);
  }
}
