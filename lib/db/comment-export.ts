import { sql } from "./sql";

/**
 * The comment exports' rows rendered by PostgreSQL: each batch arrives as one
 * UTF-8 text, read as raw bytes, so the app allocates almost nothing per
 * comment. (Reading 100,000 comments as row objects left over 100 MB of
 * garbage on the heap before V8 collected it; this way the heap barely moves.)
 * The rules mirror lib/text/csv.ts (csvField) and lib/api/comment-json.ts
 * (commentJson), and tests/integration/exports.test.ts holds them equal.
 */

export type CommentKey = { createdAt: Date; id: string };
export type ExportFormat = "csv" | "json";
export type ExportBatch = { chunk: Uint8Array | null; count: number; last: CommentKey | null };

/** An ISO 8601 instant as JavaScript writes it (the columns hold UTC). */
const iso = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** csvField in SQL: formula-like values prefixed with an apostrophe, then quoted when they hold a quote, comma or line break. */
const csvCell = (value: string) => {
  const safe = `(case when ${value} ~ '^[=+@\\t\\r-]' then '''' || ${value} else coalesce(${value}, '') end)`;
  return `(case when ${safe} ~ '[",\\r\\n]' then '"' || replace(${safe}, '"', '""') || '"' else ${safe} end)`;
};

/** Dispositions are public once the outcome is (the batch query's $3), and only for comments the public can read. */
const DISPOSITION_SHOWN = `($3::boolean and c.status = 'PUBLISHED' and d.outcome is not null)`;
const HIDDEN = `c.status = 'HIDDEN'`;

/** The CSV's columns: name and value (text or null). */
export const CSV_COLUMNS: readonly (readonly [string, string])[] = [
  ["id", "c.id"],
  ["messageNumber", "m.number"],
  ["parentId", `c."parentId"`],
  ["status", "lower(c.status::text)"],
  ["createdAt", iso(`c."createdAt"`)],
  ["editedAt", iso(`c."editedAt"`)],
  ["authorName", `c."authorName"`],
  ["stakeholderGroup", `c."authorStakeholderGroup"::text`],
  ["region", `c."authorRegion"::text`],
  ["country", `c."authorCountry"::text`],
  ["organisation", `c."authorOrganisation"`],
  ["quote", `c."quoteExact"`],
  ["body", `case when c.status = 'PUBLISHED' then c.body end`],
  ["language", "c.language"],
  ["translation", "tl.language"],
  ["agreements", "agreements.count::text"],
  ["moderationReason", `case when ${HIDDEN} then c."moderationReason"::text end`],
  ["moderationNote", `case when ${HIDDEN} then c."moderationNote" end`],
  ["moderatedAt", `case when ${HIDDEN} then ${iso(`c."moderatedAt"`)} end`],
  ["dispositionOutcome", `case when ${DISPOSITION_SHOWN} then d.outcome::text end`],
  ["dispositionRationale", `case when ${DISPOSITION_SHOWN} then d.rationale end`],
  ["dispositionAt", `case when ${DISPOSITION_SHOWN} then ${iso(`d."createdAt"`)} end`],
];

const CSV_LINE = `${CSV_COLUMNS.map(([, value]) => csvCell(value)).join(` || ',' || `)} || E'\\r\\n'`;

/** commentJson (with `translation`, as the comments list has it) plus `disposition`, field for field. */
const JSON_ENTRY = `json_build_object(
  'id', c.id, 'messageId', c."messageId", 'messageNumber', m.number, 'versionId', c."messageVersionId", 'parentId', c."parentId",
  'status', lower(c.status::text), 'body', case when c.status = 'PUBLISHED' then c.body end, 'language', c.language, 'translation', tl.language,
  'author', json_build_object('name', c."authorName", 'stakeholderGroup', c."authorStakeholderGroup", 'region', c."authorRegion",
                              'country', c."authorCountry"::text, 'organisation', c."authorOrganisation"),
  'selector', case when c."quoteExact" is not null then json_build_object('exact', c."quoteExact", 'prefix', coalesce(c."quotePrefix", ''),
                   'suffix', coalesce(c."quoteSuffix", ''), 'start', c."positionStart", 'end', c."positionEnd") end,
  'agreements', agreements.count, 'createdAt', ${iso(`c."createdAt"`)}, 'editedAt', ${iso(`c."editedAt"`)},
  'moderation', case when ${HIDDEN} then json_build_object('state', 'hidden', 'reason', c."moderationReason", 'note', c."moderationNote", 'at', ${iso(`c."moderatedAt"`)}) end,
  'disposition', case when ${DISPOSITION_SHOWN} then json_build_object('outcome', d.outcome, 'rationale', d.rationale, 'decidedAt', ${iso(`d."createdAt"`)}) end
)::text`;

/** Each format's record and what separates records within a batch. */
const RECORDS: Record<ExportFormat, { line: string; separator: string }> = {
  csv: { line: CSV_LINE, separator: "" },
  json: { line: JSON_ENTRY, separator: ",\n" },
};

/** The batch query: $1 message id, $2 limit, $3 dispositions shown, $4/$5 the key to start after (or null), $6 the separator. */
function batchQuery(line: string) {
  return `
    with batch as (
      select ${line} as line, c."createdAt", c.id
      from "Comment" c
      join "Message" m on m.id = c."messageId"
      left join "TranslatedText" tt on tt.id = c."translatedTextId"
      left join "Translation" tl on tl.id = tt."translationId"
      cross join lateral (select count(*)::int as count from "CommentAgreement" a where a."commentId" = c.id) agreements
      left join lateral (
        select outcome, rationale, "createdAt" from "Disposition" where "commentId" = c.id and $3::boolean
        order by "createdAt" desc, id desc limit 1
      ) d on true
      where c."messageId" = $1 and c.status <> 'PENDING'
        and ($4::timestamptz is null or (c."createdAt" >= $4::timestamptz and (c."createdAt", c.id) > ($4::timestamptz, $5::text)))
      order by c."createdAt", c.id
      limit $2
    )
    select string_agg(line, $6::text order by "createdAt", id) as chunk,
           count(*)::text as count,
           ${iso(`max("createdAt")`)} as "lastCreatedAt",
           (array_agg(id order by "createdAt" desc, id desc))[1] as "lastId"
    from batch`;
}

const QUERIES: Record<ExportFormat, string> = { csv: batchQuery(RECORDS.csv.line), json: batchQuery(RECORDS.json.line) };

/**
 * The next `limit` public comments of a message after `after`, oldest first,
 * as one chunk of CSV records or JSON entries (comma-separated): one short
 * query on the (messageId, createdAt) index, so an export holds no connection
 * between batches however slowly it is read. Comments waiting for approval
 * are never exported. With `dispositions`, each readable comment carries its
 * latest disposition (the current one).
 */
export async function exportBatch(format: ExportFormat, messageId: string, after: CommentKey | null, limit: number, dispositions: boolean): Promise<ExportBatch> {
  const parameters = [messageId, limit, dispositions, after?.createdAt ?? null, after?.id ?? null, RECORDS[format].separator];
  // Raw: each value as the bytes PostgreSQL sent, with no string made of the chunk.
  const [row] = await sql().unsafe(QUERIES[format], parameters as never[]).raw();
  const [chunk, count, lastCreatedAt, lastId] = row as unknown as (Buffer | null)[];
  return {
    chunk: chunk ? Buffer.from(chunk) : null,
    count: Number(count?.toString() ?? 0),
    last: lastCreatedAt && lastId ? { createdAt: new Date(lastCreatedAt.toString()), id: lastId.toString() } : null,
  };
}

/** Values as the CSV export writes them: for tests holding the SQL rule to csvField's. */
export async function csvCellsRenderedBySql(values: readonly (string | null)[]): Promise<string[]> {
  const rows = await sql().unsafe(`select ${csvCell("v")} as cell from json_array_elements_text($1::json) with ordinality as t(v, n) order by n`, [values as never]);
  return rows.map((row) => row.cell as string);
}
