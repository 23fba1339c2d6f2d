/** Largest file the secretariat may import (either format). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** Messages longer than this (in characters, i.e. Unicode code points) get a LONG_MESSAGE warning. */
export const LONG_MESSAGE_LIMIT = 2_000;

/** A block needs at least this many page-numbered lines to be taken for a table of contents. */
export const TOC_MIN_LINES = 3;

// A .docx is a ZIP archive, checked before it is unpacked (see docx-archive.ts).
// Word writes a few dozen parts; pictures make up most of a large document.
/** Parts (files) a .docx may hold. */
export const DOCX_MAX_ENTRIES = 1_000;
/** Total size of the parts once unpacked. */
export const DOCX_MAX_UNPACKED_BYTES = 50 * 1024 * 1024;
/** Unpacked size over packed size of one part; Word's XML packs about 10:1, zeros over 1000:1. */
export const DOCX_MAX_COMPRESSION_RATIO = 200;
/** Parts smaller than this are not held to the ratio: tiny repetitive XML can pack very well. */
export const DOCX_RATIO_CHECKED_FROM_BYTES = 1024 * 1024;
