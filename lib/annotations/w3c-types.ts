/** A public, top-level comment anchored to a passage, as the export reads it. */
export type ExportableAnnotation = {
  /** The comment id. */
  id: string;
  /** The comment body, plain text. */
  body: string;
  createdAt: Date;
  modifiedAt: Date | null;
  /** The public profile only: never an e-mail address. */
  author: { name: string; stakeholderGroup: string; region: string; country: string };
  /**
   * `url` is the message version's public page, e.g. https://host/consultations/slug/messages/2.3?version=1;
   * `textUrl` its plain text (text/plain), exactly the text the selectors count in.
   */
  message: { number: string; versionNumber: number; url: string; textUrl: string };
  /** BCP 47 tag of the consultation, i.e. of the annotated text. */
  language: string;
  /** BCP 47 tag of the comment body when known; "und" (undetermined) otherwise. */
  bodyLanguage?: string;
  /**
   * W3C TextQuoteSelector and TextPositionSelector on the version's text.
   * `start`/`end` count Unicode code points, as the W3C model requires, not UTF-16 units.
   */
  selector: { exact: string; prefix: string; suffix: string; start: number; end: number };
  /** Replies are not annotations: they are not exported. */
  inReplyTo?: never;
};

export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

/** Defines Consult's extension terms (on the creator), so JSON-LD processing keeps them. */
export type ConsultContext = { consult: string; stakeholderGroup: string; region: string; country: string };

export type W3cContext = typeof ANNO_CONTEXT | [typeof ANNO_CONTEXT, ConsultContext];

export type W3cPerson = { type: "Person"; name: string; stakeholderGroup: string; region: string; country: string };

export type W3cTextualBody = { type: "TextualBody"; value: string; format: "text/plain"; language: string };

export type W3cTextQuoteSelector = { type: "TextQuoteSelector"; exact: string; prefix?: string; suffix?: string };

export type W3cTextPositionSelector = { type: "TextPositionSelector"; start: number; end: number };

/**
 * The selectors count in `source`, the version's plain text; `scope` is the
 * version's page, whose element #message-text holds the same text.
 */
export type W3cTarget = {
  type: "SpecificResource";
  source: { id: string; type: "Text"; format: "text/plain"; language: string };
  scope: string;
  selector: [W3cTextQuoteSelector, W3cTextPositionSelector];
};

export type W3cAnnotation = {
  "@context": W3cContext;
  id: string;
  type: "Annotation";
  motivation: "commenting";
  created: string;
  modified?: string;
  creator: W3cPerson;
  body: W3cTextualBody;
  target: W3cTarget;
};

/** An annotation inside a page: the page's @context applies. */
export type W3cPageItem = Omit<W3cAnnotation, "@context">;

export type W3cAnnotationCollection = {
  "@context": W3cContext;
  id: string;
  type: "AnnotationCollection";
  label: string;
  total: number;
  first?: string;
  last?: string;
};

export type W3cAnnotationPage = {
  "@context": W3cContext;
  id: string;
  type: "AnnotationPage";
  partOf: { id: string; label: string; total: number };
  startIndex: number;
  prev?: string;
  next?: string;
  items: W3cPageItem[];
};
