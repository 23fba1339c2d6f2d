import { z } from "zod";
import { storableText } from "@/lib/text/user-text";
import { parseInput } from "@/lib/validation";

/** A `?page=` value as a page number: anything else is the first page. */
export function pageParam(value: string | string[] | undefined): number {
  const parsed = Number.parseInt(typeof value === "string" ? value : "1", 10);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : 1;
}

/**
 * The page links to show: the first and last pages, and those around the
 * current one; `null` stands for a gap. Short runs are shown whole.
 */
export function pageWindow(current: number, count: number, around = 2): (number | null)[] {
  const shown = new Set([1, count]);
  for (let page = current - around; page <= current + around; page++) if (page >= 1 && page <= count) shown.add(page);
  const pages = [...shown].sort((a, b) => a - b);
  const window: (number | null)[] = [];
  for (const [index, page] of pages.entries()) {
    const previous = pages[index - 1];
    if (previous !== undefined && page - previous === 2) window.push(previous + 1);
    else if (previous !== undefined && page - previous > 2) window.push(null);
    window.push(page);
  }
  return window;
}

/** The page to show of `count` items, `size` a page: the requested one, or the last when it asks beyond it. */
export function pageSlice(count: number, requested: number, size: number) {
  const pageCount = Math.max(1, Math.ceil(count / size));
  const page = Math.min(requested, pageCount);
  return { page, pageCount, skip: (page - 1) * size, take: size };
}

/** A `?cursor=` value (a row id) under the rule for every client string: a NUL is bad input, not a database error. */
export function cursorParam(value: string | null): string | null {
  return value === null ? null : parseInput(z.object({ cursor: storableText }), { cursor: value }).cursor;
}

/** A list page's address: the path itself for the first page. */
export function pagedPath(path: string, page: number) {
  return page === 1 ? path : `${path}?page=${page}`;
}
