import { readFile } from "node:fs/promises";
import path from "node:path";
import { insertConsultation } from "@/lib/consultations/create-from-document";
import { db } from "@/lib/db/client";
import { parseMarkdown } from "@/lib/import/parse-document";
import { insertTranslation } from "@/lib/translations/import-translation";

export const DEMO_SLUG = "igf-2025-lillestrom";
/**
 * The IGF 2025 draft (tests/fixtures holds it as published), prepared as the
 * secretariat would before publishing: the introduction's list of the four
 * themes is prose here, so that it does not become messages 1.1 to 1.4.
 */
export const DEMO_SOURCE = path.resolve(import.meta.dirname, "igf-2025-lillestrom-messages.zh.md");
/** An English translation of the demo's first theme (made for the demo, from the Chinese): the rest is read in the original. */
export const DEMO_TRANSLATION_SOURCE = path.resolve(import.meta.dirname, "igf-2025-lillestrom-messages.en.md");

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

/** Gives the demo its partial English translation once (also to a demo seeded before translations existed). */
export async function seedDemoTranslation(): Promise<{ created: boolean }> {
  const demo = await db.consultation.findUnique({ where: { slug: DEMO_SLUG }, select: { id: true, translations: { where: { language: "en" }, select: { id: true } } } });
  if (!demo || demo.translations.length > 0) return { created: false };
  const parsed = parseMarkdown(await readFile(DEMO_TRANSLATION_SOURCE, "utf8"));
  if (!parsed.ok) throw new Error(`The demo's translation does not import: ${parsed.error.code}`);
  await insertTranslation(demo.id, parsed.document, {
    language: "en",
    title: "Lillestrøm IGF Messages (draft)",
    translators: "Demonstration translation for Consult, from the Chinese version",
  });
  return { created: true };
}
