import { commentJson } from "@/lib/api/comment-json";
import { consultationState } from "@/lib/consultations/state";
import { db } from "@/lib/db/client";
import { type CommentKey, type ExportedComment, exportedComments, messagesInDocumentOrder } from "@/lib/db/comment-export";
import { CSV_BOM, csvRecord } from "@/lib/text/csv";
import { isStorableText } from "@/lib/text/user-text";
import { textStream } from "./text-stream";

/** Comments read per query: the export holds one batch at a time, however many comments there are. */
export const COMMENT_EXPORT_BATCH = 1000;

type Source = { consultationId: string; final: boolean };
type Row = ExportedComment & { messageNumber: string };

/** A published consultation's export source, or null (unknown or unpublished: not found). */
async function exportSource(slug: string, now: Date): Promise<Source | null> {
  if (!isStorableText(slug)) return null;
  const consultation = await db.consultation.findUnique({
    where: { slug },
    select: { id: true, publishedAt: true, opensAt: true, closesAt: true, finalisedAt: true },
  });
  if (!consultation?.publishedAt) return null;
  return { consultationId: consultation.id, final: consultationState(consultation, now) === "FINAL" };
}

/** Every public comment, message by message in the document's order, each message's oldest first, in batches. */
async function* commentBatches(source: Source, batchSize: number): AsyncGenerator<Row[]> {
  for (const message of await messagesInDocumentOrder(source.consultationId)) {
    let after: CommentKey | null = null;
    for (;;) {
      const rows = await exportedComments(message.id, after, batchSize, source.final);
      if (rows.length > 0) yield rows.map((row) => ({ ...row, messageNumber: message.number }));
      if (rows.length < batchSize) break;
      after = rows.at(-1)!;
    }
  }
}

/**
 * How the comment was handled, public once the outcome is (FINAL), and only
 * for a comment the public can read: not for hidden or withdrawn ones, as on
 * the outcome page.
 */
function publicDisposition(row: Row) {
  if (row.status !== "PUBLISHED" || row.dispositionOutcome === null || row.dispositionAt === null) return null;
  return { outcome: row.dispositionOutcome, rationale: row.dispositionRationale ?? "", at: row.dispositionAt.toISOString() };
}

/** The public JSON of a comment (as GET …/comments gives it) with its disposition. */
function jsonEntry(row: Row) {
  return { ...commentJson(row, { messageNumber: row.messageNumber, agreements: row.agreements }), disposition: publicDisposition(row) };
}

export const COMMENT_CSV_COLUMNS = [
  "id", "messageNumber", "parentId", "status", "createdAt", "editedAt",
  "authorName", "stakeholderGroup", "region", "country", "organisation",
  "quote", "body", "agreements", "moderationReason", "moderationNote", "moderatedAt",
  "dispositionOutcome", "dispositionRationale", "dispositionAt",
] as const;

/** A CSV record with the JSON's values: text only where the JSON has it, empty where it has null. */
function csvLine(row: Row) {
  const entry = jsonEntry(row);
  const { moderation, disposition } = entry;
  const hidden = moderation?.state === "hidden" ? moderation : null;
  return csvRecord([
    entry.id, row.messageNumber, entry.parentId ?? "", entry.status, entry.createdAt, entry.editedAt ?? "",
    entry.author.name, entry.author.stakeholderGroup, entry.author.region, entry.author.country, entry.author.organisation ?? "",
    entry.selector?.exact ?? "", entry.body ?? "", String(row.agreements),
    hidden?.reason ?? "", hidden?.note ?? "", hidden?.at ?? "",
    disposition?.outcome ?? "", disposition?.rationale ?? "", disposition?.at ?? "",
  ]);
}

async function* csvParts(source: Source, batchSize: number) {
  yield `${CSV_BOM}${csvRecord(COMMENT_CSV_COLUMNS)}`;
  for await (const batch of commentBatches(source, batchSize)) yield batch.map(csvLine).join("");
}

async function* jsonParts(source: Source, batchSize: number) {
  yield "[";
  let first = true;
  for await (const batch of commentBatches(source, batchSize)) {
    yield `${first ? "\n" : ",\n"}${batch.map((row) => JSON.stringify(jsonEntry(row))).join(",\n")}`;
    first = false;
  }
  yield "\n]\n";
}

export type CommentExport = { body: ReadableStream<Uint8Array>; fileName: string };

/**
 * Every public comment and reply of a published consultation with its
 * disposition (from the outcome's publication on), as CSV: UTF-8 with a
 * byte-order mark, RFC 4180, formula-like cells prefixed with an apostrophe.
 * Streamed batch by batch; null when there is no such consultation.
 */
export async function commentsCsv(slug: string, now = new Date(), batchSize = COMMENT_EXPORT_BATCH): Promise<CommentExport | null> {
  const source = await exportSource(slug, now);
  return source && { body: textStream(csvParts(source, batchSize)), fileName: `${slug}-comments.csv` };
}

/** The same as a JSON array: each comment as the comments API gives it, plus `disposition`. */
export async function commentsJson(slug: string, now = new Date(), batchSize = COMMENT_EXPORT_BATCH): Promise<CommentExport | null> {
  const source = await exportSource(slug, now);
  return source && { body: textStream(jsonParts(source, batchSize)), fileName: `${slug}-comments.json` };
}
