import { expect, it } from "vitest";
import { GET as outcomeDocxRoute } from "@/app/api/v1/consultations/[slug]/outcome.docx/route";
import { createComment } from "@/lib/comments/create-comment";
import { db } from "@/lib/db/client";
import { importMarkdown } from "../support/consultations";
import { createActor } from "../support/factories";
import { unzip } from "../support/zip";

const params = (slug: string) => ({ params: Promise.resolve({ slug }) });
const get = (slug: string) => outcomeDocxRoute(new Request(`http://localhost:3000/api/v1/consultations/${slug}/outcome.docx`), params(slug));

it("serves a published outcome as a Word document with tracked changes, and 404 before the outcome is published", async () => {
  const { id, slug } = await importMarkdown("# 数字信任\n\n- 各国政府应当保护网络人权。\n", { open: true, language: "zh" });
  const message = await db.message.findFirstOrThrow({ where: { consultationId: id } });
  const { comment } = await createComment(await createActor(), { messageId: message.id, body: "请写“必须”。", quote: "应当" });
  expect((await get(slug)).status).toBe(404);
  expect((await get("no-such-consultation")).status).toBe(404);

  const secretariat = await createActor({ role: "SECRETARIAT" });
  await db.messageVersion.create({ data: { messageId: message.id, number: 2, kind: "FINAL", text: "各国政府必须保护网络人权。", authorId: secretariat.userId } });
  await db.disposition.create({ data: { commentId: comment.id, outcome: "INCORPORATED", rationale: "已采纳。", byId: secretariat.userId } });
  await db.consultation.update({ where: { id }, data: { closesAt: new Date(Date.now() - 60_000), finalisedAt: new Date() } });

  const response = await get(slug);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${slug}-outcome.docx"; filename*=UTF-8''${slug}-outcome.docx`);
  const xml = unzip(new Uint8Array(await response.arrayBuffer())).get("word/document.xml")!.toString("utf8");
  expect(xml).toMatch(/<w:del [^>]*w:author="秘书处"[^>]*>[\s\S]*?<w:delText[^>]*>应当<\/w:delText>/);
  expect(xml).toMatch(/<w:ins [^>]*w:author="秘书处"[^>]*>[\s\S]*?<w:t[^>]*>必须<\/w:t>/);
  expect(xml).toContain("请写“必须”。");
  expect(xml).toContain("已采纳。");
});
