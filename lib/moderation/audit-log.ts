import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireAdmin } from "@/lib/auth/guards";
import { auditEvents, type AuditFilter, type AuditRow } from "@/lib/db/audit-log";
import { searchParam } from "@/lib/http/search-params";
import { CSV_BOM, csvRecord } from "@/lib/text/csv";
import { storableText } from "@/lib/text/user-text";
import { calendarDay, dayRangeInstants, daysInOrder } from "@/lib/time/day-range";
import { parseInput } from "@/lib/validation";

export const AUDIT_PAGE_SIZE = 50;
/** Rows read per query while exporting: the export streams, never holding the whole log. */
export const AUDIT_EXPORT_BATCH = 1000;

const term = (max: number) => storableText.pipe(z.string().max(max, "errors.invalid")).optional();

/** `from` and `to` are calendar days (UTC), both included. */
const auditQuerySchema = z
  .object({ actor: term(320), action: term(100), subjectType: term(50), subjectId: term(200), from: calendarDay.optional(), to: calendarDay.optional() })
  .refine(...daysInOrder);

export type AuditQuery = z.output<typeof auditQuerySchema>;
export const AUDIT_FIELDS = ["actor", "action", "subjectType", "subjectId", "from", "to"] as const;

/** The query from URL parameters (empty ones are no filter); a bad date is a VALIDATION error naming its field. */
export function auditQuery(params: Record<string, string | string[] | null | undefined>): AuditQuery {
  // Filters are trimmed: a space typed around an e-mail address or an id is not part of it.
  return parseInput(auditQuerySchema, Object.fromEntries(AUDIT_FIELDS.map((field) => [field, searchParam(params[field])?.trim() || undefined])));
}

function filterOf(query: AuditQuery): AuditFilter {
  const days = dayRangeInstants(query);
  return {
    actor: query.actor,
    action: query.action,
    subjectType: query.subjectType,
    subjectId: query.subjectId,
    from: days.start,
    to: days.end,
  };
}

/** A before-cursor from a URL: an audit event's id, or nothing. */
export function auditCursor(value: string | string[] | undefined): bigint | undefined {
  return typeof value === "string" && /^\d{1,19}$/.test(value) ? BigInt(value) : undefined;
}

/** One page of the audit log, newest first, for administrators; `next` is the cursor of the following page. */
export async function auditLog(actor: Actor | null, query: AuditQuery, before?: bigint) {
  requireAdmin(actor);
  const rows = await auditEvents(filterOf(query), AUDIT_PAGE_SIZE + 1, { order: "newest", before });
  const events = rows.slice(0, AUDIT_PAGE_SIZE);
  return { events, next: rows.length > AUDIT_PAGE_SIZE ? events.at(-1)!.id.toString() : null };
}

const CSV_COLUMNS = ["id", "createdAt", "actorId", "actorEmail", "action", "subjectType", "subjectId", "data"] as const;

function csvLine(row: AuditRow) {
  return csvRecord([row.id.toString(), row.createdAt.toISOString(), row.actorId ?? "", row.actorEmail ?? "", row.action, row.subjectType, row.subjectId, JSON.stringify(row.data)]);
}

/**
 * The audit log as CSV (UTF-8 with a byte-order mark, so that spreadsheets
 * read it as UTF-8), oldest first, for administrators. A stream read batch by
 * batch by keyset on the id: memory stays flat however long the log.
 */
export function auditCsv(actor: Actor | null, query: AuditQuery, batchSize = AUDIT_EXPORT_BATCH): ReadableStream<Uint8Array> {
  requireAdmin(actor);
  const filter = filterOf(query);
  const encoder = new TextEncoder();
  let after: bigint | undefined;
  let started = false;
  let done = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`${CSV_BOM}${csvRecord(CSV_COLUMNS)}`));
        return;
      }
      if (done) return controller.close();
      const rows = await auditEvents(filter, batchSize, { order: "oldest", after });
      if (rows.length < batchSize) done = true;
      if (rows.length === 0) return controller.close();
      after = rows.at(-1)!.id;
      controller.enqueue(encoder.encode(rows.map(csvLine).join("")));
    },
  });
}
