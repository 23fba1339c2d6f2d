import { commentJson } from "@/lib/api/comment-json";
import { consultationState } from "@/lib/consultations/state";
import { db } from "@/lib/db/client";
import { type CommentKey, type ExportedComment, exportedComments, messagesInDocumentOrder } from "@/lib/db/comment-export";
import { CSV_BOM, csvRecord } from "@/lib/text/csv";
import { isStorableText } from "@/lib/text/user-text";
import { byteStream, utf8 } from "./byte-stream";

/** Comments read per query: the export holds one batch at a time, however many comments there are. */
export const COMMENT_EXPORT_BATCH = 1000;

type Source = { consultationId: string; final: boolean };
type Batch = { messageNumber: string; rows: ExportedComment[] };

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

/**
 * Every public comment, message by message in the document's order, each
 * message's oldest first: each call gives the next batch (null at the end).
 * Only the position is kept between calls, so a batch's rows are garbage as
 * soon as they are written out, however slowly the file is read.
 */
function commentReader(source: Source, batchSize: number) {
  let messages: { id: string; number: string }[] | null = null;
  let index = 0;
  let after: CommentKey | null = null;
  return async function nextBatch(): Promise<Batch | null> {
    messages ??= await messagesInDocumentOrder(source.consultationId);
    while (index < messages.length) {
      const message = messages[index]!;
      const rows = await exportedComments(message.id, after, batchSize, source.final);
      const last = rows.at(-1);
      if (last && rows.length === batchSize) {
        after = { createdAt: last.createdAt, id: last.id };
      } else {
        index += 1;
        after = null;
      }
      if (rows.length > 0) return { messageNumber: message.number, rows };
    }
    return null;
  };
}

/**
 * How the comment was handled, public once the outcome is (FINAL), and only
 * for a comment the public can read: not for hidden or withdrawn ones, as on
 * the outcome page.
 */
function publicDisposition(row: ExportedComment) {
  if (row.status !== "PUBLISHED" || row.dispositionOutcome === null || row.dispositionAt === null) return null;
  return { outcome: row.dispositionOutcome, rationale: row.dispositionRationale ?? "", at: row.dispositionAt.toISOString() };
}

/** The public JSON of a comment (as GET …/comments gives it) with its disposition. */
function jsonEntry(row: ExportedComment, messageNumber: string) {
  return { ...commentJson(row, { messageNumber, agreements: row.agreements }), disposition: publicDisposition(row) };
}

export const COMMENT_CSV_COLUMNS = [
  "id", "messageNumber", "parentId", "status", "createdAt", "editedAt",
  "authorName", "stakeholderGroup", "region", "country", "organisation",
  "quote", "body", "agreements", "moderationReason", "moderationNote", "moderatedAt",
  "dispositionOutcome", "dispositionRationale", "dispositionAt",
] as const;

/** A CSV record with the JSON's values: text only where the JSON has it, empty where it has null. */
function csvLine(row: ExportedComment, messageNumber: string) {
  const entry = jsonEntry(row, messageNumber);
  const { moderation, disposition } = entry;
  const hidden = moderation?.state === "hidden" ? moderation : null;
  return csvRecord([
    entry.id, messageNumber, entry.parentId ?? "", entry.status, entry.createdAt, entry.editedAt ?? "",
    entry.author.name, entry.author.stakeholderGroup, entry.author.region, entry.author.country, entry.author.organisation ?? "",
    entry.selector?.exact ?? "", entry.body ?? "", String(row.agreements),
    hidden?.reason ?? "", hidden?.note ?? "", hidden?.at ?? "",
    disposition?.outcome ?? "", disposition?.rationale ?? "", disposition?.at ?? "",
  ]);
}

/** The CSV, a chunk a call: the header, then a batch of records each time. */
function csvChunks(source: Source, batchSize: number) {
  const nextBatch = commentReader(source, batchSize);
  let started = false;
  return async () => {
    if (!started) {
      started = true;
      return utf8([CSV_BOM, csvRecord(COMMENT_CSV_COLUMNS)]);
    }
    const batch = await nextBatch();
    return batch && utf8(batch.rows.map((row) => csvLine(row, batch.messageNumber)));
  };
}

/** The JSON array, a chunk a call: one entry a line, so that a line-by-line reader can follow it too. */
function jsonChunks(source: Source, batchSize: number) {
  const nextBatch = commentReader(source, batchSize);
  let first = true;
  let ended = false;
  return async () => {
    if (ended) return null;
    const batch = await nextBatch();
    if (!batch) {
      ended = true;
      return utf8([first ? "[]\n" : "\n]\n"]);
    }
    const entries = batch.rows.map((row, index) => `${first && index === 0 ? "[\n" : ",\n"}${JSON.stringify(jsonEntry(row, batch.messageNumber))}`);
    first = false;
    return utf8(entries);
  };
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
  return source && { body: byteStream(csvChunks(source, batchSize)), fileName: `${slug}-comments.csv` };
}

/** The same as a JSON array: each comment as the comments API gives it, plus `disposition`. */
export async function commentsJson(slug: string, now = new Date(), batchSize = COMMENT_EXPORT_BATCH): Promise<CommentExport | null> {
  const source = await exportSource(slug, now);
  return source && { body: byteStream(jsonChunks(source, batchSize)), fileName: `${slug}-comments.json` };
}
