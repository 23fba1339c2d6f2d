import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { insertConsultation } from "@/lib/consultations/create-from-document";
import { db } from "@/lib/db/client";
import { parseMarkdown } from "@/lib/import/parse-document";

export const FIXTURE = path.resolve(import.meta.dirname, "../fixtures/igf-2025-lillestrom-messages.zh.md");

export function uniqueSlug(label = "consultation") {
  return `${label}-${randomBytes(4).toString("hex")}`;
}

/** Imports Markdown as the command line does, optionally published and open now. */
export async function importMarkdown(markdown: string, options: { slug?: string; open?: boolean; language?: string } = {}) {
  const parsed = parseMarkdown(markdown);
  if (!parsed.ok) throw new Error(`fixture does not parse: ${parsed.error.code}`);
  const slug = options.slug ?? uniqueSlug();
  const { consultation } = await insertConsultation({ slug, title: `Test ${slug}`, language: options.language ?? "en", document: parsed.document }, null);
  if (options.open) {
    const now = Date.now();
    await db.consultation.update({
      where: { id: consultation.id },
      data: { opensAt: new Date(now - 3_600_000), closesAt: new Date(now + 86_400_000), publishedAt: new Date(now), firstPublishedAt: new Date(now) },
    });
  }
  return { slug, id: consultation.id };
}

export async function importFixture(options: { open?: boolean } = {}) {
  return importMarkdown(await readFile(FIXTURE, "utf8"), { ...options, language: "zh" });
}

export const SMALL_DRAFT = `Introduction of the draft.

# Digital trust

Why trust matters.

- Trust is built on transparency.
- Resilience needs cooperation.
- Cables cross borders.

# Innovation

- AI must be governed inclusively.

## Data

- Data governance needs a 100% commitment_to openness.
`;
