import { db } from "@/lib/db/client";
import { textFingerprint } from "@/lib/text/fingerprint";

/**
 * Writes the fingerprint of comments written before fingerprints existed (the
 * normaliser is Unicode-aware JavaScript, which SQL cannot repeat exactly, so
 * the migration leaves them null and this fills them in), hidden ones first:
 * those are what a re-post is checked against. Batches, so a large table is
 * not locked for long; safe to run again. Returns how many it wrote.
 */
export async function backfillFingerprints(batchSize = 1000): Promise<number> {
  let written = 0;
  for (const status of ["HIDDEN", undefined] as const) {
    for (;;) {
      const rows = await db.comment.findMany({ where: { bodyFingerprint: null, ...(status ? { status } : {}) }, select: { id: true, body: true }, take: batchSize });
      if (rows.length === 0) break;
      await db.$transaction(rows.map((row) => db.comment.update({ where: { id: row.id }, data: { bodyFingerprint: textFingerprint(row.body) } })));
      written += rows.length;
    }
  }
  return written;
}
