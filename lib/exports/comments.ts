import { consultationState } from "@/lib/consultations/state";
import { db } from "@/lib/db/client";
import { type CommentKey, CSV_COLUMNS, exportBatch, type ExportFormat } from "@/lib/db/comment-export";
import { messagesInDocumentOrder } from "@/lib/db/message-sequence";
import { CSV_BOM, csvRecord } from "@/lib/text/csv";
import { isStorableText } from "@/lib/text/user-text";
import { byteStream, utf8 } from "./byte-stream";

/** Comments read per query: the export holds one batch at a time, however many comments there are. */
export const COMMENT_EXPORT_BATCH = 1000;

export const COMMENT_CSV_COLUMNS = CSV_COLUMNS.map(([name]) => name);

type Source = { consultationId: string; final: boolean };

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
 * message's oldest first, as chunks of records: each call gives the next
 * (null at the end). Only the position is kept between calls. Dispositions
 * are included once the outcome is published (FINAL), and only for comments
 * the public can read, as on the outcome page.
 */
function chunkReader(format: ExportFormat, source: Source, batchSize: number) {
  let messages: { id: string }[] | null = null;
  let index = 0;
  let after: CommentKey | null = null;
  return async function nextChunk(): Promise<Uint8Array | null> {
    messages ??= await messagesInDocumentOrder(source.consultationId);
    while (index < messages.length) {
      const batch = await exportBatch(format, messages[index]!.id, after, batchSize, source.final);
      if (batch.last && batch.count === batchSize) {
        after = batch.last;
      } else {
        index += 1;
        after = null;
      }
      if (batch.chunk) return batch.chunk;
    }
    return null;
  };
}

/** The CSV: the header, then a batch of records each time. */
function csvChunks(source: Source, batchSize: number) {
  const nextChunk = chunkReader("csv", source, batchSize);
  let started = false;
  return async () => {
    if (started) return nextChunk();
    started = true;
    return utf8([CSV_BOM, csvRecord(COMMENT_CSV_COLUMNS)]);
  };
}

/** The JSON array, one entry a line (so a line-by-line reader can follow it too); batches joined by commas. */
function jsonChunks(source: Source, batchSize: number) {
  const nextChunk = chunkReader("json", source, batchSize);
  let first = true;
  let ended = false;
  return async () => {
    if (ended) return null;
    const chunk = await nextChunk();
    if (!chunk) {
      ended = true;
      return utf8([first ? "[]\n" : "\n]\n"]);
    }
    const opening = utf8([first ? "[\n" : ",\n"]);
    first = false;
    return Buffer.concat([opening, chunk]);
  };
}

export type CommentExport = { body: ReadableStream<Uint8Array>; fileName: string };

/**
 * Every public comment and reply of a published consultation with its
 * disposition (from the outcome's publication on), as CSV: UTF-8 with a
 * byte-order mark, RFC 4180, formula-like cells prefixed with an apostrophe.
 * Hidden and withdrawn comments without their text, hidden ones with the
 * reason (as in the comments API); comments waiting for approval never.
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
