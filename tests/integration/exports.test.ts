import { expect, it } from "vitest";
import { GET as csvRoute } from "@/app/api/v1/consultations/[slug]/comments.csv/route";
import { GET as jsonRoute } from "@/app/api/v1/consultations/[slug]/comments.json/route";
import { GET as commentsRoute } from "@/app/api/v1/consultations/[slug]/comments/route";
import { setAgreement } from "@/lib/comments/agree";
import { withdrawComment } from "@/lib/comments/change-comment";
import { createComment } from "@/lib/comments/create-comment";
import { db } from "@/lib/db/client";
import { csvCellsRenderedBySql } from "@/lib/db/comment-export";
import { COMMENT_CSV_COLUMNS, commentsCsv } from "@/lib/exports/comments";
import { hideComment } from "@/lib/moderation/decisions";
import { csvField } from "@/lib/text/csv";
import { importMarkdown } from "../support/consultations";
import { createActor } from "../support/factories";

const BASE = "http://localhost:3000";
const params = (slug: string) => ({ params: Promise.resolve({ slug }) });
const get = (path: string) => new Request(`${BASE}${path}`);

/** RFC 4180 records, as a spreadsheet reads them: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    const pair = text.slice(i, i + 2);
    if (quoted && pair === '""') {
      field += '"';
      i += 2;
      continue;
    }
    if (char === '"') quoted = !quoted;
    else if (quoted) field += char;
    else if (char === ",") {
      record.push(field);
      field = "";
    } else if (pair === "\r\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else field += char;
    i++;
  }
  expect([field, record, quoted]).toEqual(["", [], false]);
  return records;
}

function byId(records: string[][]) {
  const [header, ...rows] = records;
  return new Map(rows.map((row) => [row[0]!, Object.fromEntries(header!.map((name, index) => [name, row[index]!]))]));
}

/** A consultation with one comment of every kind: quoted, formula-like, reply, hidden, withdrawn, agreed with, waiting for approval. */
async function consultationWithComments() {
  const { id, slug } = await importMarkdown("# 数字信任\n\n- 信任建立在透明之上。\n- 韧性需要合作。\n", { open: true, language: "zh" });
  const [first, second] = await db.message.findMany({ where: { consultationId: id }, orderBy: { position: "asc" } });
  const author = await createActor();
  const other = await createActor();
  const moderator = await createActor({ role: "SECRETARIAT" });
  // Written first but on the second message: the export follows the document, then time.
  const formula = (await createComment(author, { messageId: second!.id, body: '=HYPERLINK("http://evil.test","点击")' })).comment;
  const quoted = (await createComment(author, { messageId: first!.id, body: '需要更多"透明度", 以及问责。\n第二行 and "quotes", commas', quote: "透明" })).comment;
  const reply = (await createComment(other, { messageId: first!.id, parentId: quoted.id, body: "+1 同意，@secretariat" })).comment;
  const hidden = (await createComment(other, { messageId: first!.id, body: "Call 555-0100 to reach her." })).comment;
  await hideComment(moderator, { commentId: hidden.id, reason: "PERSONAL_DATA", publicNote: "Gave someone's phone number." });
  const withdrawn = (await createComment(author, { messageId: first!.id, body: "I take this back." })).comment;
  await withdrawComment(author, { commentId: withdrawn.id });
  await setAgreement(other, { commentId: quoted.id }, true);
  await db.consultation.update({ where: { id }, data: { preModeration: true } });
  const pending = (await createComment(other, { messageId: first!.id, body: "Waiting for the moderators." })).comment;
  expect(pending.status).toBe("PENDING");
  // Two dispositions of the quoted comment: the later one is current.
  await db.disposition.create({ data: { commentId: quoted.id, outcome: "NOTED", rationale: "First reading.", byId: moderator.userId, createdAt: new Date(Date.now() - 60_000) } });
  const current = await db.disposition.create({ data: { commentId: quoted.id, outcome: "PARTLY_INCORPORATED", rationale: '@秘书处: 已部分采纳 "透明度", 见 2.1', byId: moderator.userId } });
  await db.disposition.create({ data: { commentId: hidden.id, outcome: "OUT_OF_SCOPE", rationale: "Personal data.", byId: moderator.userId } });
  const finalise = () => db.consultation.update({ where: { id }, data: { closesAt: new Date(Date.now() - 1_000), finalisedAt: new Date() } });
  return { slug, comments: { formula, quoted, reply, hidden, withdrawn, pending }, current, finalise };
}

it("exports the public comments as CSV: BOM, CRLF, RFC 4180 quoting, Chinese intact, formulas defused, dispositions once final", async () => {
  const { slug, comments, current, finalise } = await consultationWithComments();

  const before = await csvRoute(get(`/api/v1/consultations/${slug}/comments.csv`), params(slug));
  expect(before.status).toBe(200);
  expect(before.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  expect(before.headers.get("content-disposition")).toBe(`attachment; filename="${slug}-comments.csv"; filename*=UTF-8''${slug}-comments.csv`);
  const bytes = new Uint8Array(await before.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  expect(text.startsWith(`\uFEFF${COMMENT_CSV_COLUMNS.join(",")}\r\n`)).toBe(true);
  // Every record ends with CRLF; the only bare line feed is inside the quoted body.
  expect(text.endsWith("\r\n")).toBe(true);
  expect(text.replaceAll("\r\n", "").split("\n")).toHaveLength(2);
  expect(text).toContain('"需要更多""透明度"", 以及问责。\n第二行 and ""quotes"", commas"');
  expect(text).toContain(`"'=HYPERLINK(""http://evil.test"",""点击"")"`);

  const records = parseCsv(text.slice(1));
  expect(records[0]).toEqual([...COMMENT_CSV_COLUMNS]);
  expect(records.slice(1).every((record) => record.length === COMMENT_CSV_COLUMNS.length)).toBe(true);
  // Document order: the first message's comments (oldest first), then the second's.
  expect(records.slice(1).map((record) => record[0])).toEqual([comments.quoted.id, comments.reply.id, comments.hidden.id, comments.withdrawn.id, comments.formula.id]);
  const rows = byId(records);
  expect(rows.has(comments.pending.id)).toBe(false);
  expect(rows.get(comments.quoted.id)).toMatchObject({
    messageNumber: "1.1", parentId: "", status: "published", body: '需要更多"透明度", 以及问责。\n第二行 and "quotes", commas', quote: "透明",
    authorName: "Ada Participant", stakeholderGroup: "CIVIL_SOCIETY", region: "AFRICA", country: "KE", agreements: "1",
    createdAt: comments.quoted.createdAt.toISOString(), dispositionOutcome: "", dispositionRationale: "", dispositionAt: "",
  });
  expect(rows.get(comments.reply.id)).toMatchObject({ parentId: comments.quoted.id, body: "'+1 同意，@secretariat" });
  expect(rows.get(comments.formula.id)).toMatchObject({ messageNumber: "1.2", body: `'=HYPERLINK("http://evil.test","点击")` });
  expect(rows.get(comments.hidden.id)).toMatchObject({ status: "hidden", body: "", moderationReason: "PERSONAL_DATA", moderationNote: "Gave someone's phone number." });
  expect(rows.get(comments.hidden.id)!.moderatedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  expect(rows.get(comments.withdrawn.id)).toMatchObject({ status: "withdrawn", body: "", moderationReason: "" });
  expect(text).not.toContain("555-0100");
  expect(text).not.toContain("I take this back.");
  expect(text).not.toContain("Waiting for the moderators.");
  expect(text).not.toContain("First reading.");
  expect(text).not.toContain("已部分采纳");

  await finalise();
  const after = new TextDecoder().decode(await (await csvRoute(get(`/api/v1/consultations/${slug}/comments.csv`), params(slug))).arrayBuffer());
  const final = byId(parseCsv(after));
  expect(final.get(comments.quoted.id)).toMatchObject({
    dispositionOutcome: "PARTLY_INCORPORATED", dispositionRationale: `'@秘书处: 已部分采纳 "透明度", 见 2.1`, dispositionAt: current.createdAt.toISOString(),
  });
  // A hidden comment's disposition stays out, as on the outcome page.
  expect(final.get(comments.hidden.id)).toMatchObject({ dispositionOutcome: "", dispositionRationale: "" });
  expect(after).not.toContain("First reading.");

  // Small batches page through messages and comments and give the same file.
  const paged = await commentsCsv(slug, new Date(), 2);
  expect(new TextDecoder().decode(await new Response(paged!.body).arrayBuffer())).toBe(after);
});

it("exports the same comments as one JSON array: the comments API's fields plus the disposition", async () => {
  const { slug, comments, current, finalise } = await consultationWithComments();
  await finalise();
  const response = await jsonRoute(get(`/api/v1/consultations/${slug}/comments.json`), params(slug));
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
  const exported = (await response.json()) as { id: string; disposition: unknown }[];
  const listed = (await (await commentsRoute(get(`/api/v1/consultations/${slug}/comments`), params(slug))).json()).data as { id: string }[];
  expect(exported).toHaveLength(5);
  for (const entry of exported) {
    const { disposition, ...fields } = entry;
    expect(fields).toEqual(listed.find((comment) => comment.id === entry.id));
    if (entry.id !== comments.quoted.id) expect(disposition).toBeNull();
  }
  expect(exported.find((entry) => entry.id === comments.quoted.id)).toMatchObject({
    messageNumber: "1.1", body: '需要更多"透明度", 以及问责。\n第二行 and "quotes", commas', agreements: 1,
    selector: { exact: "透明" },
    disposition: { outcome: "PARTLY_INCORPORATED", rationale: '@秘书处: 已部分采纳 "透明度", 见 2.1', decidedAt: current.createdAt.toISOString() },
  });
  expect(exported.find((entry) => entry.id === comments.hidden.id)).toMatchObject({ body: null, moderation: { state: "hidden", reason: "PERSONAL_DATA" } });
  expect(exported.some((entry) => entry.id === comments.pending.id)).toBe(false);
});

it("gives an empty export for a consultation without comments and 404 for one unknown or unpublished", async () => {
  const { slug } = await importMarkdown("# Trust\n\n- Trust is built on transparency.\n", { open: true });
  expect(await (await jsonRoute(get(`/api/v1/consultations/${slug}/comments.json`), params(slug))).json()).toEqual([]);
  const csv = await (await csvRoute(get(`/api/v1/consultations/${slug}/comments.csv`), params(slug))).text();
  expect(csv).toBe(`${COMMENT_CSV_COLUMNS.join(",")}\r\n`);
  const draft = await importMarkdown("# Trust\n\n- Not yet published.\n");
  for (const unknown of [draft.slug, "no-such-consultation"]) {
    expect((await csvRoute(get(`/api/v1/consultations/${unknown}/comments.csv`), params(unknown))).status).toBe(404);
    expect((await jsonRoute(get(`/api/v1/consultations/${unknown}/comments.json`), params(unknown))).status).toBe(404);
  }
});

it("renders CSV cells in PostgreSQL exactly as csvField does", async () => {
  const values = ["plain", "中文，全角", "=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "\r\n=x", "a,b", 'say "hi"', "two\nlines", "x\ry", "1-1", "'quoted", "", ' "=', "e-mail"];
  expect(await csvCellsRenderedBySql([...values, null])).toEqual([...values.map(csvField), ""]);
});
