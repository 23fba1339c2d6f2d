// Public shapes of the draft-document import. Everything here is plain data:
// codes and numbers, never sentences, so the UI can render it in any language.

export type ImportOptions = {
  /** Each paragraph under a heading becomes a message instead of the section's introduction. */
  paragraphsAreMessages?: boolean;
  /** Ids of detected continuations ("c1", "c2"…) that must NOT be merged into their list item. */
  keepSeparate?: ReadonlySet<string>;
};

export type ParsedContinuation = {
  /** Stable for the same input: "c1", "c2"… in document order. */
  id: string;
  /** The paragraph that looked like the rest of this message after a page break. */
  text: string;
  /** True when `text` was appended to the message's text. */
  merged: boolean;
};

export type ParsedMessage = {
  /** "2.3.4" = 4th message of section 2.3. Assigned for the preview. */
  number: string;
  text: string;
  continuation?: ParsedContinuation;
};

export type ParsedSection = {
  /** "2", "2.3"… */
  number: string;
  heading: string;
  introduction: string;
  messages: ParsedMessage[];
  sections: ParsedSection[];
};

export type ParsedDocument = {
  title: string | null;
  introduction: string;
  sections: ParsedSection[];
  counts: { sections: number; messages: number };
  warnings: ImportWarning[];
};

export type ImportWarning =
  | { code: "EMPTY_SECTION"; sectionNumber: string; heading: string }
  | { code: "LONG_MESSAGE"; messageNumber: string; length: number; limit: number }
  | {
      code: "TABLE_OF_CONTENTS";
      /** Section the block was in; null before the first heading or when the section was dropped. */
      sectionNumber: string | null;
      heading: string | null;
      lineCount: number;
      /** The section held nothing but the table of contents, so its heading was left out too. */
      sectionDropped: boolean;
    }
  | { code: "DUPLICATE_HEADING"; sectionNumber: string; heading: string; firstSectionNumber: string }
  | { code: "CONTINUATION"; continuationId: string; messageNumber: string; merged: boolean }
  | { code: "LIST_BEFORE_FIRST_HEADING"; itemCount: number };

export type ImportWarningCode = ImportWarning["code"];

export type UnsupportedFormatReason =
  | "UNKNOWN_EXTENSION"
  | "NOT_UTF8"
  | "BINARY_CONTENT"
  | "NOT_A_DOCX"
  | "LEGACY_WORD_DOC"
  /** Nesting (quotes in quotes, lists in lists) deeper than the parser's stack: no real draft does this. */
  | "TOO_DEEPLY_NESTED"
  /** A .docx refused before unpacking (a "zip bomb" or a damaged archive): see docx-archive.ts. */
  | "DOCX_TOO_MANY_PARTS"
  | "DOCX_TOO_LARGE_UNPACKED"
  | "DOCX_OVERCOMPRESSED";

export type ImportError =
  | { code: "EMPTY_DOCUMENT" }
  | { code: "NO_STRUCTURE" }
  | { code: "UNSUPPORTED_FORMAT"; reason: UnsupportedFormatReason }
  | { code: "FILE_TOO_LARGE"; size: number; limit: number };

export type ImportErrorCode = ImportError["code"];

export type ParseResult = { ok: true; document: ParsedDocument } | { ok: false; error: ImportError };
