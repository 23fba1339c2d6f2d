import { describe, expect, it } from "vitest";
import { pagedPath, pageParam, pageSlice, pageWindow } from "@/lib/http/pagination";

describe("page links", () => {
  it("shows a short run whole", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(2, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it("keeps the first and last pages and those around the current one, with gaps between", () => {
    expect(pageWindow(1, 40)).toEqual([1, 2, 3, null, 40]);
    expect(pageWindow(20, 40)).toEqual([1, null, 18, 19, 20, 21, 22, null, 40]);
    expect(pageWindow(40, 40)).toEqual([1, null, 38, 39, 40]);
  });

  it("fills a gap of a single page with that page", () => {
    expect(pageWindow(5, 10)).toEqual([1, 2, 3, 4, 5, 6, 7, null, 10]);
  });

  it("reads ?page= leniently", () => {
    expect(pageParam(undefined)).toBe(1);
    expect(pageParam("3")).toBe(3);
    expect(pageParam("0")).toBe(1);
    expect(pageParam("-2")).toBe(1);
    expect(pageParam("abc")).toBe(1);
    expect(pageParam(["2", "3"])).toBe(1);
  });

  it("slices a list into pages, the last one when asked beyond it", () => {
    expect(pageSlice(0, 1, 30)).toEqual({ page: 1, pageCount: 1, skip: 0, take: 30 });
    expect(pageSlice(61, 3, 30)).toEqual({ page: 3, pageCount: 3, skip: 60, take: 30 });
    expect(pageSlice(61, 9, 30)).toEqual({ page: 3, pageCount: 3, skip: 60, take: 30 });
  });

  it("addresses the first page by the path alone", () => {
    expect(pagedPath("/admin", 1)).toBe("/admin");
    expect(pagedPath("/admin", 2)).toBe("/admin?page=2");
  });
});
