import {
  ANNO_CONTEXT,
  type ExportableAnnotation,
  type W3cAnnotation,
  type W3cAnnotationCollection,
  type W3cAnnotationPage,
  type W3cContext,
  type W3cPageItem,
} from "./w3c-types";

function trimSlashes(url: string) {
  return url.replace(/\/+$/, "");
}

// The W3C tests check ids as RFC 3986 URIs: percent-encode any non-ASCII (IRI) characters.
function asUri(url: string) {
  return new URL(url).href;
}

/**
 * The W3C context plus Consult's extension terms. The W3C model lets an
 * extension add properties when a context defines them (and forbids redefining
 * its own keys, which these are not).
 */
export function consultContext(baseUrl: string): W3cContext {
  const consult = `${trimSlashes(baseUrl)}/ns/consult#`;
  return [
    ANNO_CONTEXT,
    { consult, stakeholderGroup: "consult:stakeholderGroup", region: "consult:region", country: "consult:country" },
  ];
}

export function annotationIri(baseUrl: string, id: string) {
  return asUri(`${trimSlashes(baseUrl)}/api/v1/annotations/${encodeURIComponent(id)}`);
}

function pageItem(a: ExportableAnnotation, baseUrl: string): W3cPageItem {
  const { exact, prefix, suffix, start, end } = a.selector;
  // Fields picked one by one: a caller may hand over a wider user row, e-mail included.
  const { name, stakeholderGroup, region, country } = a.author;
  return {
    id: annotationIri(baseUrl, a.id),
    type: "Annotation",
    motivation: "commenting",
    created: a.createdAt.toISOString(),
    ...(a.modifiedAt ? { modified: a.modifiedAt.toISOString() } : {}),
    creator: { type: "Person", name, stakeholderGroup, region, country },
    body: { type: "TextualBody", value: a.body, format: "text/plain", language: a.bodyLanguage ?? "und" },
    target: {
      type: "SpecificResource",
      source: { id: asUri(a.message.textUrl), type: "Text", format: "text/plain", language: a.language },
      scope: asUri(a.message.url),
      selector: [
        // An empty prefix (start of text) or suffix (end of text) says nothing: leave it out.
        { type: "TextQuoteSelector", exact, ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) },
        { type: "TextPositionSelector", start, end },
      ],
    },
  };
}

/** One comment as a standalone W3C Web Annotation (JSON-LD). */
export function annotationToW3c(a: ExportableAnnotation, baseUrl: string): W3cAnnotation {
  return { "@context": consultContext(baseUrl), ...pageItem(a, baseUrl) };
}

/** Pages are numbered from 0, as in the W3C Annotation Protocol's examples. */
export function pageCount(total: number, pageSize: number) {
  return Math.ceil(total / pageSize);
}

export function pageIri(collectionUrl: string, page: number) {
  const url = new URL(collectionUrl); // also percent-encodes any non-ASCII characters
  url.searchParams.set("page", String(page));
  return url.toString();
}

function checkPaging(total: number, pageSize: number) {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError(`total must be a non-negative integer, got ${total}`);
  if (!Number.isSafeInteger(pageSize) || pageSize < 1) throw new RangeError(`pageSize must be a positive integer, got ${pageSize}`);
}

/** The collection's description: no `first`/`last` when it is empty, since it then has no pages. */
export function annotationCollection(opts: {
  collectionUrl: string;
  label: string;
  total: number;
  pageSize: number;
}): W3cAnnotationCollection {
  const { collectionUrl, label, total, pageSize } = opts;
  checkPaging(total, pageSize);
  const pages = pageCount(total, pageSize);
  return {
    "@context": ANNO_CONTEXT,
    id: asUri(collectionUrl),
    type: "AnnotationCollection",
    label,
    total,
    ...(pages > 0 ? { first: pageIri(collectionUrl, 0), last: pageIri(collectionUrl, pages - 1) } : {}),
  };
}

/**
 * Page `page` (from 0) of the collection; `items` are that page's annotations,
 * in collection order. A page outside 0..pageCount-1 is a caller error.
 */
export function annotationPage(
  items: ExportableAnnotation[],
  opts: { baseUrl: string; collectionUrl: string; label: string; page: number; pageSize: number; total: number },
): W3cAnnotationPage {
  const { baseUrl, collectionUrl, label, page, pageSize, total } = opts;
  checkPaging(total, pageSize);
  const pages = pageCount(total, pageSize);
  if (!Number.isSafeInteger(page) || page < 0 || page >= pages) throw new RangeError(`page ${page} is not in 0..${pages - 1}`);
  if (items.length > pageSize) throw new RangeError(`${items.length} items exceed the page size ${pageSize}`);
  return {
    "@context": consultContext(baseUrl),
    id: pageIri(collectionUrl, page),
    type: "AnnotationPage",
    partOf: { id: asUri(collectionUrl), label, total },
    startIndex: page * pageSize,
    ...(page > 0 ? { prev: pageIri(collectionUrl, page - 1) } : {}),
    ...(page < pages - 1 ? { next: pageIri(collectionUrl, page + 1) } : {}),
    items: items.map((a) => pageItem(a, baseUrl)),
  };
}
