import { db } from "@/lib/db/client";
import { seedConsultation, seedPeople } from "./seed";

export const EXPORT_SLUG = "bench-exports";

/**
 * A final consultation of 100 messages with `count` public comments: a reply
 * after every nine, every 50th hidden, one in ten agreed with, each top-level
 * published one with a disposition; bodies in Chinese and English with quotes,
 * commas and a line break, so the CSV quotes every one. A few statements.
 */
export async function seedExportComments(count = 100_000) {
  await seedPeople("exporter", 1);
  await db.user.create({ data: { id: "bench-secretariat", email: "bench-secretariat@example.org", name: "Secretariat", role: "SECRETARIAT" } });
  const versions = await seedConsultation(EXPORT_SLUG, 10, 10);
  const ids = versions.map((version) => version.id);
  const messages = versions.map((version) => version.messageId);
  // Ten comments in a row share a message, so that comment i (i % 10 = 9) replies to i - 1 on the same one.
  await db.$executeRaw`
    insert into "Comment" (id, "messageId", "messageVersionId", "authorId", "parentId", body, status, "moderatedAt", "moderationReason", "moderationNote",
                           "authorName", "authorStakeholderGroup", "authorRegion", "authorCountry", "authorOrganisation", "quoteExact", "quotePrefix", "quoteSuffix", "positionStart", "positionEnd", "createdAt", "updatedAt")
    select 'expbench-' || i, (${messages}::text[])[1 + (i / 10) % ${messages.length}], (${ids}::text[])[1 + (i / 10) % ${ids.length}], 'exporter-0',
           case when i % 10 = 9 then 'expbench-' || (i - 1) end,
           '意见 ' || i || '：建议加强"透明度"，and please add a sentence on funding, capacity and inclusion.' || E'\n' || '第二段：多利益相关方合作至关重要。',
           case when i % 50 = 0 then 'HIDDEN' else 'PUBLISHED' end::"CommentStatus",
           case when i % 50 = 0 then now() end, case when i % 50 = 0 then 'SPAM' end::"FlagReason", case when i % 50 = 0 then 'Advertising.' end,
           '参与者 ' || (i % 997), (array['CIVIL_SOCIETY','GOVERNMENT','PRIVATE_SECTOR','TECHNICAL_COMMUNITY'])[1 + i % 4]::"StakeholderGroup", 'ASIA_PACIFIC', 'CN',
           case when i % 3 = 0 then '互联网协会, "数字"工作组' end,
           case when i % 4 = 0 then '多利益相关方' end, case when i % 4 = 0 then '' end, case when i % 4 = 0 then '合作' end,
           case when i % 4 = 0 then 0 end, case when i % 4 = 0 then 6 end,
           now() - ((${count} - i) || ' seconds')::interval, now()
    from generate_series(1, ${count}) as i`;
  await db.$executeRaw`
    insert into "CommentAgreement" ("commentId", "userId") select 'expbench-' || i, 'exporter-0' from generate_series(10, ${count}, 10) as i`;
  await db.$executeRaw`
    insert into "Disposition" (id, "commentId", outcome, rationale, "byId", "createdAt")
    select 'expbench-d-' || i, 'expbench-' || i, (array['INCORPORATED','PARTLY_INCORPORATED','NOT_INCORPORATED','NOTED','OUT_OF_SCOPE'])[1 + i % 5]::"DispositionOutcome",
           '已在第二稿中部分采纳, see "2.3".', 'bench-secretariat', now()
    from generate_series(1, ${count}) as i where i % 10 <> 9 and i % 50 <> 0`;
  await db.consultation.update({ where: { slug: EXPORT_SLUG }, data: { closesAt: new Date(Date.now() - 60_000), finalisedAt: new Date() } });
  await db.$executeRaw`analyze "Comment", "CommentAgreement", "Disposition"`;
}

type Memory = { rss: number; heapUsed: number; external: number; arrayBuffers: number };

export type ExportRun = {
  status: number; rows: number; bytes: number; seconds: number; baseline: Memory;
  rssGrowth: number; heapGrowth: number; externalGrowth: number;
  /** Heap still held once the export is over and garbage collected: what the export kept, as opposed to what it left to collect. */
  heapRetained: number;
};

const memory = async (baseUrl: string, gc = false) => (await (await fetch(`${baseUrl}/api/bench/memory${gc ? "?gc=1" : ""}`)).json()) as Memory;

/**
 * Downloads an export to the end (at most `bytesPerSecond` when given, as a
 * slow reader on a mobile link would), sampling the server's memory every
 * 50 ms: growth is the peak over the baseline taken just before, after a
 * garbage collection. Most of the heap's growth is garbage V8 has not
 * collected yet (it runs a full collection when the old generation has grown
 * to a few times its live size), so the heap is also measured once more after
 * a collection at the end: what the export retained.
 */
export async function measureExport(baseUrl: string, path: string, countRows: (text: string) => number, bytesPerSecond?: number): Promise<ExportRun> {
  const baseline = await memory(baseUrl, true);
  const peak = { ...baseline };
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const now = await memory(baseUrl);
      peak.rss = Math.max(peak.rss, now.rss);
      peak.heapUsed = Math.max(peak.heapUsed, now.heapUsed);
      peak.external = Math.max(peak.external, now.external);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  const started = performance.now();
  const response = await fetch(`${baseUrl}${path}`);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let bytes = 0;
  let rows = 0;
  let carry = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    // Rows are counted on whole lines; a line cut between chunks is carried over.
    const text = carry + decoder.decode(value, { stream: true });
    const cut = text.lastIndexOf("\n") + 1;
    rows += countRows(text.slice(0, cut));
    carry = text.slice(cut);
    if (bytesPerSecond) await new Promise((resolve) => setTimeout(resolve, (value.byteLength / bytesPerSecond) * 1000));
  }
  rows += countRows(carry);
  const seconds = (performance.now() - started) / 1000;
  sampling = false;
  await sampler;
  const after = await memory(baseUrl, true);
  return {
    status: response.status, rows, bytes, seconds, baseline, heapRetained: after.heapUsed - baseline.heapUsed,
    rssGrowth: peak.rss - baseline.rss, heapGrowth: peak.heapUsed - baseline.heapUsed, externalGrowth: peak.external - baseline.external,
  };
}
