import { readFile } from "node:fs/promises";
import path from "node:path";
import { db } from "@/lib/db/client";

export const DEMO_SLUG = "igf-2025-lillestrom";
export const DEMO_SOURCE = path.resolve(import.meta.dirname, "igf-2025-lillestrom-messages.zh.md");

/** Seeds the demo consultation once; a second run finds it and changes nothing. */
export async function seedDemo(now = new Date()): Promise<{ created: boolean }> {
  if (await db.consultation.findUnique({ where: { slug: DEMO_SLUG } })) return { created: false };
  const source = await readFile(DEMO_SOURCE, "utf8");
  const attribution = source.trim().split("\n")[0] ?? "";
  const day = 24 * 60 * 60 * 1000;
  await db.consultation.create({
    data: {
      slug: DEMO_SLUG,
      title: "利勒斯特罗姆 IGF 信息（草案）",
      introduction: attribution,
      language: "zh",
      // The demo is open for comment from the moment it is seeded.
      opensAt: new Date(now.getTime() - day),
      closesAt: new Date(now.getTime() + 21 * day),
      referenceTimeZone: "Europe/Oslo",
      publishedAt: now,
    },
  });
  return { created: true };
}
