import { actorById } from "@/lib/auth/actor-by-id";
import { db } from "@/lib/db/client";
import { moderationQueue } from "@/lib/moderation/queue";
import { percentile } from "./load";
import { seedConsultation, seedPeople } from "./seed";

/**
 * 10,000 flagged comments (1 to 3 open flags each, from different people,
 * reasons and times spread), plus resolved flags and already decided
 * comments the queue must skip, written by generate_series in a few
 * statements: seconds, not minutes.
 */
export async function seedFlaggedComments(count = 10_000) {
  await seedPeople("flagger", 3);
  await seedPeople("reporter", 3);
  await db.user.create({ data: { id: "bench-moderator", email: "bench-moderator@example.org", name: "Moderator", role: "SECRETARIAT" } });
  const versions = await seedConsultation("bench-moderation", 5, 20);
  const ids = versions.map((version) => version.id);
  const messages = versions.map((version) => version.messageId);
  // Twice as many comments as flagged ones: the queue must find the flagged half among the rest.
  await db.$executeRaw`
    insert into "Comment" (id, "messageId", "messageVersionId", "authorId", body, status, "authorName", "authorStakeholderGroup", "authorRegion", "authorCountry", "createdAt", "updatedAt")
    select 'modbench-' || i, (${messages}::text[])[1 + i % ${messages.length}], (${ids}::text[])[1 + i % ${ids.length}], 'flagger-' || (i % 3),
           'Flagged comment ' || i || ': buy cheap watches at example.test', case when i % 10 = 0 then 'HIDDEN' else 'PUBLISHED' end::"CommentStatus",
           'Flagger ' || (i % 3), 'CIVIL_SOCIETY', 'AFRICA', 'KE', now() - (i || ' seconds')::interval, now()
    from generate_series(1, ${count * 2}) as i`;
  const reasons = ["SPAM", "HARASSMENT_OR_HATE", "VIOLENT_EXTREMISM", "PERSONAL_DATA", "OFF_TOPIC"];
  // Comments 1..count get 1 to 3 open flags; the next `count` get resolved ones only.
  await db.$executeRaw`
    insert into "Flag" (id, "commentId", "reporterId", reason, "bodySnapshot", resolution, "createdAt")
    select 'modbench-flag-' || i || '-' || r, 'modbench-' || i, 'reporter-' || r, (${reasons}::text[])[1 + (i + r) % ${reasons.length}]::"FlagReason",
           'Flagged comment ' || i || ': buy cheap watches at example.test',
           case when i > ${count} then 'DISMISSED' end::"FlagResolution", now() - ((i * 3 + r) || ' seconds')::interval
    from generate_series(1, ${count * 2}) as i, generate_series(0, 2) as r
    where r <= i % 3`;
  // What autovacuum does soon after a bulk load in a real database: without statistics the planner guesses.
  await db.$executeRaw`analyze "Comment", "Flag"`;
}

/** The first page of the moderation queue as the server computes it (no HTTP, no rendering): median and p95 over `runs`, after a warm-up. */
export async function moderationQueueBench(runs = 20) {
  const moderator = await actorById("bench-moderator");
  const first = await moderationQueue(moderator, { page: 1 });
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await moderationQueue(moderator, { page: 1 });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { total: first.total, shown: first.items.length, p50: percentile(times, 50), p95: percentile(times, 95) };
}
