import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { percentile } from "./load";

const ms = (value: number) => `${value.toFixed(1)} ms`;

type Answer = { status: number; latency: number; retryAfter: string | null; id: string | null; key: string };

/**
 * Writing under overload: first the write rate the machine sustains (a
 * closed loop of `clients` clients, comments through the write API), then an
 * open loop offering `factor` times that rate, whatever the answers, as a
 * crowd does on deadline day. Prints the accepted comments' latency, how fast
 * refusals (503) come, other errors, and whether every accepted comment is
 * stored exactly once.
 */
export async function overloadBench(baseUrl: string, tokens: string[], messageIds: string[], options: { clients?: number; measureMs?: number; overloadMs?: number; factor?: number } = {}) {
  const { clients = 20, measureMs = 4_000, overloadMs = 6_000, factor = 5 } = options;
  const run = randomUUID().slice(0, 8);
  let sequence = 0;
  const submit = async (): Promise<Answer> => {
    const n = sequence++;
    const key = `overload-${run}-${n}`;
    const started = performance.now();
    try {
      const response = await fetch(`${baseUrl}/api/v1/messages/${messageIds[n % messageIds.length]}/comments`, {
        method: "POST",
        headers: { authorization: `Bearer ${tokens[n % tokens.length]}`, "content-type": "application/json", "idempotency-key": key },
        body: JSON.stringify({ body: `Overload ${run} comment ${n}: please add a sentence on funding.` }),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await response.text();
      const id = response.status === 201 ? (JSON.parse(text) as { id: string }).id : null;
      return { status: response.status, latency: performance.now() - started, retryAfter: response.headers.get("retry-after"), id, key };
    } catch {
      return { status: 0, latency: performance.now() - started, retryAfter: null, id: null, key };
    }
  };

  // 1. The sustained rate: `clients` clients, each sending its next comment when the last one was answered.
  for (const warmUp of [true, false]) {
    const answers: Answer[] = [];
    const until = performance.now() + (warmUp ? 1_500 : measureMs);
    const started = performance.now();
    await Promise.all(Array.from({ length: clients }, async () => {
      while (performance.now() < until) answers.push(await submit());
    }));
    if (warmUp) continue;
    const seconds = (performance.now() - started) / 1000;
    const sustained = answers.filter((answer) => answer.status === 201).length / seconds;
    const refusedWhileMeasuring = answers.filter((answer) => answer.status === 503).length;
    console.log(`\nwriting under overload: sustained ${sustained.toFixed(0)} comments/s (${clients} clients, closed loop, ${measureMs / 1000} s${refusedWhileMeasuring ? `, ${refusedWhileMeasuring} refused` : ""})`);
    await overload(sustained * factor);
  }

  // 2. `factor` times that rate, offered at a steady pace whatever the answers (an open loop).
  async function overload(rate: number) {
    const pending: Promise<Answer>[] = [];
    const started = performance.now();
    while (performance.now() - started < overloadMs) {
      const due = Math.floor(((performance.now() - started) / 1000) * rate);
      while (pending.length < due) pending.push(submit());
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const answers = await Promise.all(pending);
    const accepted = answers.filter((answer) => answer.status === 201);
    const refused = answers.filter((answer) => answer.status === 503);
    const others = new Map<number, number>();
    for (const answer of answers) if (answer.status !== 201 && answer.status !== 503) others.set(answer.status, (others.get(answer.status) ?? 0) + 1);
    const sorted = (list: Answer[]) => list.map((answer) => answer.latency).sort((a, b) => a - b);
    const [acceptedTimes, refusedTimes] = [sorted(accepted), sorted(refused)];
    console.log(`  offered ${rate.toFixed(0)} comments/s (${factor}×) for ${overloadMs / 1000} s: ${answers.length} requests, open loop`);
    console.log(`  accepted ${accepted.length}: p50 ${ms(percentile(acceptedTimes, 50))}, p95 ${ms(percentile(acceptedTimes, 95))} (target p95 < 500 ms)`);
    console.log(
      `  refused (503) ${refused.length}: p50 ${ms(percentile(refusedTimes, 50))}, p95 ${ms(percentile(refusedTimes, 95))} (target < 100 ms)` +
        `, ${refused.filter((answer) => answer.retryAfter).length} with Retry-After`,
    );
    console.log(`  other answers: ${others.size ? JSON.stringify(Object.fromEntries(others)) : "none"} (0 = no answer within 30 s)`);

    // 3. Every accepted comment stored exactly once; none stored that was refused.
    const stored = await db.$queryRaw<{ id: string; idempotencyKey: string }[]>`
      select id, "idempotencyKey" from "Comment" where "idempotencyKey" like ${`overload-${run}-%`}`;
    const byKey = new Map<string, number>();
    for (const row of stored) byKey.set(row.idempotencyKey, (byKey.get(row.idempotencyKey) ?? 0) + 1);
    const storedIds = new Set(stored.map((row) => row.id));
    const offeredKeys = new Set(answers.map((answer) => answer.key));
    const lost = accepted.filter((answer) => !answer.id || !storedIds.has(answer.id)).length;
    const duplicates = [...byKey.values()].filter((count) => count > 1).length;
    const storedRefused = refused.filter((answer) => byKey.has(answer.key)).length;
    const storedOfOverload = stored.filter((row) => offeredKeys.has(row.idempotencyKey)).length;
    // A request that got no answer may still have been stored (the client would retry with its key): not a loss.
    const unanswered = answers.filter((answer) => answer.status === 0 && byKey.has(answer.key)).length;
    const exactlyOnce = lost === 0 && duplicates === 0 && storedRefused === 0 && storedOfOverload === accepted.length + unanswered;
    console.log(
      `  stored: ${storedOfOverload} of the overload's comments for ${accepted.length} accepted · lost ${lost} · duplicates ${duplicates}` +
        ` · stored although refused ${storedRefused} → ${exactlyOnce ? "every accepted comment stored exactly once" : "CHECK FAILED"}`,
    );
  }
}
