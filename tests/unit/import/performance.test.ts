import { describe, expect, it } from "vitest";
import { parseMarkdown } from "@/lib/import/parse-document";

// Parse time must grow linearly with the number of list items: a parser that is
// quadratic in them (micromark took 18 s for 8,000 items) makes a big draft hang
// the import. The bound is loose so a busy machine does not fail it.
describe("parse time", () => {
  it("reads 4,000 sections with 20,000 messages in a few seconds", () => {
    const section = (index: number) => `## Theme ${index}\n\n${"- 一条完整的信息。\n".repeat(5)}\n`;
    const source = Array.from({ length: 4000 }, (_, index) => section(index)).join("");
    const started = performance.now();
    const result = parseMarkdown(source);
    const elapsed = performance.now() - started;
    expect(result.ok && result.document.counts).toEqual({ sections: 4000, messages: 20000 });
    expect(elapsed).toBeLessThan(8000);
  }, 30_000);
});
