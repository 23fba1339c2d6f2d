import { describe, expect, it } from "vitest";
import { messageAddSchema, messageEditSchema } from "@/lib/consultations/schemas";

describe("a message text's line breaks", () => {
  it("are stored as LF, as the page's text has them, whatever the form sent", () => {
    expect(messageEditSchema.parse({ messageId: "m1", text: "First line\r\nsecond\rthird\nfourth" }).text).toBe("First line\nsecond\nthird\nfourth");
    expect(messageAddSchema.parse({ sectionId: "s1", text: "数字鸿沟\r\n🌍" }).text).toBe("数字鸿沟\n🌍");
  });
});
