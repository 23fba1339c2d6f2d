import { readFile } from "node:fs/promises";
import path from "node:path";
import { insertConsultation } from "@/lib/consultations/create-from-document";
import { db } from "@/lib/db/client";
import { parseMarkdown } from "@/lib/import/parse-document";

export const DEMO_SLUG = "igf-2025-lillestrom";
/**
 * The IGF 2025 draft (tests/fixtures holds it as published), prepared as the
 * secretariat would before publishing: the introduction's list of the four
 * themes is prose here, so that it does not become messages 1.1 to 1.4.
 */
export const DEMO_SOURCE = path.resolve(import.meta.dirname, "igf-2025-lillestrom-messages.zh.md");

/** Seeds the demo consultation once, through the importer; a second run changes nothing. */
export async function seedDemo(now = new Date()): Promise<{ created: boolean }> {
  if (await db.consultation.findUnique({ where: { slug: DEMO_SLUG } })) return { created: false };
  const parsed = parseMarkdown(await readFile(DEMO_SOURCE, "utf8"));
  if (!parsed.ok) throw new Error(`The demo document does not import: ${parsed.error.code}`);
  const { consultation } = await insertConsultation(
    { slug: DEMO_SLUG, title: "利勒斯特罗姆 IGF 信息（草案）", language: "zh", document: parsed.document },
    null,
  );
  const day = 24 * 60 * 60 * 1000;
  // The demo is open for comment from the moment it is seeded, for three weeks.
  await db.consultation.update({
    where: { id: consultation.id },
    data: {
      opensAt: new Date(now.getTime() - day),
      closesAt: new Date(now.getTime() + 21 * day),
      referenceTimeZone: "Europe/Oslo",
      publishedAt: now,
      firstPublishedAt: now,
    },
  });
  return { created: true };
}
