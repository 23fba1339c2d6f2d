/** Largest file the secretariat may import (either format). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** Messages longer than this (in characters, i.e. Unicode code points) get a LONG_MESSAGE warning. */
export const LONG_MESSAGE_LIMIT = 2_000;

/** A block needs at least this many page-numbered lines to be taken for a table of contents. */
export const TOC_MIN_LINES = 3;
