import MarkdownIt, { type Token } from "markdown-it";
import { type Block, HARD_BREAK, PARAGRAPH_BREAK } from "./block";
import { NestingTooDeepError } from "./nesting-too-deep-error";
import { stripHtmlTags } from "./strip-html-tags";

// markdown-it in its CommonMark preset (no GFM: tables and strikethrough stay
// literal text). Not mdast-util-from-markdown: micromark is quadratic in list
// items (8,000 items took 18 s); markdown-it reads 5 MB in well under a second.
const MAX_NESTING = 100;
const markdown = new MarkdownIt("commonmark", { maxNesting: MAX_NESTING });

type Node = { token: Token; children: Node[] };

/** Parses Markdown into the intermediate block model, reducing inline markup to raw text. */
export function markdownToBlocks(source: string): Block[] {
  const tokens = markdown.parse(source, {});
  // At its nesting limit markdown-it silently skips the rest of the document.
  if (tokens.some((token) => token.level >= MAX_NESTING - 1)) throw new NestingTooDeepError();
  const blocks: Block[] = [];
  for (const node of toTree(tokens)) pushBlocks(node, blocks);
  return blocks;
}

/** markdown-it's flat token stream (open/close pairs) as a tree. */
function toTree(tokens: readonly Token[]): Node[] {
  const roots: Node[] = [];
  const open: Node[][] = [roots];
  for (const token of tokens) {
    if (token.nesting === -1) {
      if (open.length > 1) open.pop();
      continue;
    }
    const node: Node = { token, children: [] };
    (open.at(-1) ?? roots).push(node);
    if (token.nesting === 1) open.push(node.children);
  }
  return roots;
}

function pushBlocks(node: Node, blocks: Block[]): void {
  const { type, tag } = node.token;
  if (type === "heading_open") {
    const text = blockText(node);
    blocks.push(text.trim() === "" ? { kind: "break" } : { kind: "heading", level: Number(tag.slice(1)), text });
  } else if (type === "bullet_list_open" || type === "ordered_list_open") {
    blocks.push({ kind: "list", ordered: type === "ordered_list_open", items: flattenList(node) });
  } else if (type === "blockquote_open") {
    for (const child of node.children) pushBlocks(child, blocks);
  } else if (type === "paragraph_open" || type === "code_block" || type === "fence" || type === "html_block") {
    const text = blockText(node);
    const literal = type !== "paragraph_open";
    blocks.push(text.trim() === "" ? { kind: "break" } : { kind: "paragraph", text, literal });
  } else {
    blocks.push({ kind: "break" }); // hr
  }
}

/** Each item's own text, then its nested items, in document order. */
function flattenList(list: Node, items: string[] = []): string[] {
  for (const item of list.children) {
    const isList = (node: Node) => node.token.type === "bullet_list_open" || node.token.type === "ordered_list_open";
    const text = item.children
      .filter((child) => !isList(child))
      .map(blockText)
      .filter((part) => part.trim() !== "")
      .join(PARAGRAPH_BREAK);
    if (text !== "") items.push(text);
    for (const sublist of item.children.filter(isList)) flattenList(sublist, items);
  }
  return items;
}

function blockText(node: Node): string {
  const { type, content, children } = node.token;
  switch (type) {
    case "heading_open":
    case "paragraph_open":
      return node.children.map((child) => inlineText(child.token.children ?? [])).join("");
    case "code_block":
    case "fence":
      return content.replace(/\n$/, "").split("\n").join(HARD_BREAK);
    case "html_block":
      return stripHtmlTags(content).split("\n").join(HARD_BREAK);
    case "blockquote_open":
      return node.children.map(blockText).join(PARAGRAPH_BREAK);
    case "bullet_list_open":
    case "ordered_list_open":
      return flattenList(node).join(PARAGRAPH_BREAK);
    default:
      return children ? inlineText(children) : "";
  }
}

function inlineText(tokens: readonly Token[]): string {
  let text = "";
  const links: Array<{ href: string; start: number }> = [];
  for (const token of tokens) {
    switch (token.type) {
      case "text":
      case "code_inline":
        text += token.content;
        break;
      case "softbreak":
        text += "\n";
        break;
      case "hardbreak":
        text += HARD_BREAK;
        break;
      case "image":
        text += inlineText(token.children ?? []); // the alt text
        break;
      case "html_inline":
        if (/^<br\s*\/?>$/i.test(token.content)) text += HARD_BREAK;
        break;
      case "link_open":
        links.push({ href: String(token.attrGet("href") ?? ""), start: text.length });
        break;
      case "link_close": {
        // A link keeps its text; only a link without text is shown as its (readable) URL.
        const link = links.pop();
        if (link && text.slice(link.start).trim() === "") {
          text = text.slice(0, link.start) + markdown.normalizeLinkText(link.href);
        }
        break;
      }
      default:
        break; // emphasis markers and the like carry no text
    }
  }
  return text;
}
