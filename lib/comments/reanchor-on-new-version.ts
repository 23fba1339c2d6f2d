import { reanchor } from "@/lib/annotations/anchoring";
import type { Tx } from "@/lib/db/client";

/**
 * When a message gets a new version, every annotation on it is placed on the
 * new text: exact quote with its context, else the nearest fuzzy match, else
 * marked ORPHANED ("text changed") and still shown with its original quote.
 */
export async function reanchorAnnotations(tx: Tx, messageId: string, version: { id: string; text: string }) {
  const annotations = await tx.comment.findMany({
    // A translation's annotations quote its text, not the original's: they are placed on the translation's own page.
    where: { messageId, quoteExact: { not: null }, translatedTextId: null },
    select: { id: true, quoteExact: true, quotePrefix: true, quoteSuffix: true, positionStart: true, positionEnd: true },
  });
  if (annotations.length === 0) return { exact: 0, fuzzy: 0, orphaned: 0 };
  const rows = annotations.map((annotation) => {
    const placed = reanchor(
      {
        exact: annotation.quoteExact!,
        prefix: annotation.quotePrefix ?? "",
        suffix: annotation.quoteSuffix ?? "",
        start: annotation.positionStart ?? 0,
        end: annotation.positionEnd ?? 0,
      },
      version.text,
    );
    return {
      commentId: annotation.id,
      messageVersionId: version.id,
      status: placed.status,
      start: placed.status === "ORPHANED" ? null : (placed.start ?? null),
      end: placed.status === "ORPHANED" ? null : (placed.end ?? null),
      score: placed.score ?? null,
    };
  });
  await tx.commentAnchor.createMany({ data: rows });
  return {
    exact: rows.filter((row) => row.status === "EXACT").length,
    fuzzy: rows.filter((row) => row.status === "FUZZY").length,
    orphaned: rows.filter((row) => row.status === "ORPHANED").length,
  };
}
