import { describe, expect, it } from "vitest";
import { outcomeDocx, wordLanguage } from "@/lib/exports/outcome-docx";
import type { OutcomeComment, OutcomeDocument, OutcomeMessage } from "@/lib/finalisation/outcome-types";
import { unzip } from "../support/zip";

const FINALISED = new Date("2025-09-01T10:30:00.123Z");

function comment(overrides: Partial<OutcomeComment>): OutcomeComment {
  return {
    id: "c1", body: "建议补充“人权”。", authorName: "李华", authorStakeholderGroup: "CIVIL_SOCIETY", authorRegion: "ASIA_PACIFIC",
    authorCountry: "CN", authorOrganisation: "互联网协会", language: "zh", quoteExact: null, createdAt: new Date("2025-07-01T00:00:00Z"), disposition: null,
    ...overrides,
  };
}

function message(overrides: Partial<OutcomeMessage>): OutcomeMessage {
  return {
    id: "m1", number: "1.1", fate: "KEPT", mergedIntoNumber: null, fateNote: "", draftText: "", finalText: null, finalVersionNumber: null, comments: [],
    ...overrides,
  };
}

const outcome: OutcomeDocument = {
  slug: "igf-2025", title: "2025年互联网治理论坛信息", introduction: "本文件是最终成果。", language: "zh", referenceTimeZone: "Europe/Oslo", closesAt: new Date("2025-07-14T21:59:00Z"),
  finalisedAt: FINALISED,
  sections: [
    {
      id: "s1", number: "1", heading: "数字信任", introduction: "",
      messages: [
        message({
          id: "m1", number: "1.1", draftText: "各国政府应当保护网络人权。", finalText: "各国政府必须保护线上和线下的人权。", finalVersionNumber: 2,
          comments: [
            comment({ id: "c1", quoteExact: "应当", disposition: { outcome: "INCORPORATED", rationale: "已改为“必须”。", decidedAt: FINALISED } }),
            comment({ id: "c2", body: "=1+1 <script>", authorName: "Ana", authorOrganisation: null, authorStakeholderGroup: "GOVERNMENT", authorCountry: "BR" }),
          ],
        }),
        message({ id: "m2", number: "1.2", fate: "DROPPED", draftText: "这条信息被删除。", fateNote: "与 1.1 重复。" }),
        message({ id: "m3", number: "1.3", fate: "MERGED", mergedIntoNumber: "1.1", draftText: "合并的信息。" }),
      ],
      sections: [],
    },
  ],
  corrections: [{ id: "k1", note: "更正了一个错字。", messageNumber: "1.1", createdAt: new Date("2025-09-10T08:00:00Z") }],
};

async function documentXml(document: OutcomeDocument) {
  const files = unzip(await outcomeDocx(document));
  return files.get("word/document.xml")!.toString("utf8");
}

describe("outcomeDocx", () => {
  it("writes the changes from the draft as tracked insertions and deletions, by the secretariat, dated at publication", async () => {
    const xml = await documentXml(outcome);
    const insertions = [...xml.matchAll(/<w:ins [^>]*>([\s\S]*?)<\/w:ins>/g)];
    const deletions = [...xml.matchAll(/<w:del [^>]*>([\s\S]*?)<\/w:del>/g)];
    expect(insertions.length).toBeGreaterThan(0);
    expect(deletions.length).toBeGreaterThan(0);
    for (const change of [...insertions, ...deletions]) {
      expect(change[0]).toMatch(/w:author="秘书处"/);
      expect(change[0]).toMatch(/w:date="2025-09-01T10:30:00Z"/);
    }
    // Deleted text is w:delText (what Word and LibreOffice show struck through), inserted text plain w:t.
    const deleted = deletions.map((change) => [...change[1]!.matchAll(/<w:delText[^>]*>([^<]*)<\/w:delText>/g)].map((m) => m[1]).join("")).join("|");
    const inserted = insertions.map((change) => [...change[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("")).join("|");
    expect(deleted).toContain("应当");
    expect(inserted).toContain("必须");
    expect(deletions.every((change) => !/<w:t[ >]/.test(change[1]!))).toBe(true);
    // Dropped and merged messages: their draft text is one deletion each, so accepting every change leaves the final text.
    expect(deleted).toContain("这条信息被删除。");
    expect(deleted).toContain("合并的信息。");
    // Each change has its own id.
    const ids = [...xml.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("accepting every change gives the final text, rejecting them the draft", async () => {
    const xml = await documentXml(outcome);
    const paragraph = xml.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:ins [\s\S]*?<\/w:p>/)![0];
    const accepted = paragraph.replace(/<w:del [\s\S]*?<\/w:del>/g, "");
    const rejected = paragraph.replace(/<w:ins [\s\S]*?<\/w:ins>/g, "").replaceAll("w:delText", "w:t");
    const text = (part: string) => [...part.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    expect(text(accepted)).toBe("各国政府必须保护线上和线下的人权。");
    expect(text(rejected)).toBe("各国政府应当保护网络人权。");
  });

  it("keeps the Chinese text, notes dropped and merged messages, and tables each message's comments with dispositions", async () => {
    const xml = await documentXml(outcome);
    for (const text of ["2025年互联网治理论坛信息", "1 数字信任", "第 1.1 条信息", "已从最终文件中删除。", "已并入第 1.1 条信息。", "秘书处说明：与 1.1 重复。",
      "对第 1.1 条信息的意见及其处理情况", "针对“应当”：", "建议补充“人权”。", "已采纳", "已改为“必须”。", "尚未答复", "民间社会", "亚太", "中国", "互联网协会",
      "更正", "第 1.1 条信息：更正了一个错字。", "这条信息没有公开意见。"]) {
      expect(xml).toContain(text);
    }
    // Text is escaped, never markup.
    expect(xml).toContain("=1+1 &lt;script&gt;");
    expect(xml).toMatch(/<w:tbl>/);
    expect(xml).toMatch(/<w:tblHeader\/>/);
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>/);
  });

  it("declares the document's language, East Asian for Chinese", async () => {
    const styles = unzip(await outcomeDocx(outcome)).get("word/styles.xml")!.toString("utf8");
    expect(styles).toMatch(/<w:lang w:val="zh-CN" w:eastAsia="zh-CN"\/>/);
    const english = unzip(await outcomeDocx({ ...outcome, language: "en" })).get("word/styles.xml")!.toString("utf8");
    expect(english).toMatch(/<w:lang w:val="en-GB"\/>/);
    expect(wordLanguage("zh-Hant")).toEqual({ value: "zh-TW", eastAsia: "zh-TW" });
    expect(wordLanguage("ar")).toEqual({ value: "ar-SA", bidirectional: "ar-SA" });
    expect(wordLanguage("en-US")).toEqual({ value: "en-US" });
  });

  it("lays an Arabic document out right to left, and no other", async () => {
    const arabic = unzip(await outcomeDocx({ ...outcome, language: "ar" })).get("word/styles.xml")!.toString("utf8");
    const defaults = arabic.match(/<w:docDefaults>[\s\S]*?<\/w:docDefaults>/)![0];
    expect(defaults).toMatch(/<w:bidi\/>/);
    expect(defaults).toMatch(/<w:rtl\/>/);
    expect(defaults).toMatch(/<w:lang w:val="ar-SA" w:bidi="ar-SA"\/>/);
    const chinese = unzip(await outcomeDocx(outcome)).get("word/styles.xml")!.toString("utf8");
    expect(chinese.match(/<w:docDefaults>[\s\S]*?<\/w:docDefaults>/)![0]).not.toMatch(/<w:bidi\/>|<w:rtl\/>/);
  });

  it("labels an English document in English", async () => {
    const xml = await documentXml({ ...outcome, language: "en" });
    expect(xml).toContain("Message 1.1");
    expect(xml).toContain("Dropped from the final document.");
    expect(xml).toMatch(/w:author="Secretariat"/);
    expect(xml).toContain("Civil society");
  });

  it("labels a French document in French, whatever its region", async () => {
    const xml = await documentXml({ ...outcome, language: "fr-CA" });
    expect(xml).toContain("Supprimé du document final.");
    expect(xml).toMatch(/w:author="Secrétariat"/);
    expect(xml).toContain("Société civile");
  });
});
