import type { BlockContent, DefinitionContent, List, PhrasingContent, RootContent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { type Block, HARD_BREAK, PARAGRAPH_BREAK } from "./block";
import { stripHtmlTags } from "./strip-html-tags";

// CommonMark only (no GFM): tables and strikethrough stay as their literal text.

/** Parses Markdown into the intermediate block model, reducing inline markup to raw text. */
export function markdownToBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  for (const node of fromMarkdown(source).children) pushBlocks(node, blocks);
  return blocks;
}

function pushBlocks(node: RootContent, blocks: Block[]): void {
  switch (node.type) {
    case "heading": {
      const text = inlineText(node.children);
      blocks.push(text.trim() === "" ? { kind: "break" } : { kind: "heading", level: node.depth, text });
      return;
    }
    case "list":
      blocks.push({ kind: "list", ordered: node.ordered === true, items: flattenList(node) });
      return;
    case "blockquote":
      for (const child of node.children) pushBlocks(child, blocks);
      return;
    case "paragraph":
    case "code":
    case "html": {
      const text = blockText(node);
      const literal = node.type !== "paragraph";
      blocks.push(text.trim() === "" ? { kind: "break" } : { kind: "paragraph", text, literal });
      return;
    }
    case "definition":
      return; // link reference definitions are invisible in the rendered document
    default:
      blocks.push({ kind: "break" });
  }
}

/** Each item's own text, then its nested items, in document order. */
function flattenList(list: List, items: string[] = []): string[] {
  for (const item of list.children) {
    const nested: List[] = [];
    const parts: string[] = [];
    for (const child of item.children) {
      if (child.type === "list") nested.push(child);
      else parts.push(blockText(child));
    }
    const text = parts.filter((part) => part.trim() !== "").join(PARAGRAPH_BREAK);
    if (text !== "") items.push(text);
    for (const sublist of nested) flattenList(sublist, items);
  }
  return items;
}

function blockText(node: BlockContent | DefinitionContent): string {
  switch (node.type) {
    case "paragraph":
    case "heading":
      return inlineText(node.children);
    case "code":
      return node.value.split("\n").join(HARD_BREAK);
    case "html":
      return stripHtmlTags(node.value).split("\n").join(HARD_BREAK);
    case "blockquote":
      return node.children.map(blockText).join(PARAGRAPH_BREAK);
    case "list":
      return flattenList(node).join(PARAGRAPH_BREAK);
    default:
      return "";
  }
}

function inlineText(nodes: PhrasingContent[]): string {
  return nodes.map(inlineNodeText).join("");
}

function inlineNodeText(node: PhrasingContent): string {
  switch (node.type) {
    case "text":
    case "inlineCode":
      return node.value;
    case "break":
      return HARD_BREAK;
    case "emphasis":
    case "strong":
    case "delete":
    case "linkReference":
      return inlineText(node.children);
    case "link": {
      const text = inlineText(node.children);
      return text.trim() === "" ? node.url : text;
    }
    case "image":
    case "imageReference":
      return node.alt ?? "";
    case "html":
      return /^<br\s*\/?>$/i.test(node.value) ? HARD_BREAK : "";
    default:
      return "";
  }
}
