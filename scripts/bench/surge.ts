// The deadline surge: many API clients write comments, each with its own
// idempotency key, retrying what failed, until a deadline passes during the
// run; the database is restarted once in the middle. Then the promises are
// checked against what is stored. Run by `npm run bench -- surge` (over HTTP,
// against the production build) and by tests/integration/surge.test.ts (a few
// seconds, in process), so both keep them true.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";

/** One attempt's answer: the HTTP status and the error code (when the body had one); status 0 when the request failed. */
export type Answer = { status: number; code?: string; id?: string; retryAfterSeconds?: number };

export type SurgePlan = {
  /** Sends one comment with the client's token and the idempotency key. */
  post(request: { messageId: string; token: string; idempotencyKey: string; body: string }): Promise<Answer>;
  tokens: string[];
  messageIds: string[];
  /** The consultation's deadline: it must fall after the restart, within the run. */
  closesAt: Date;
  /** When the run ends (new comments keep coming until then, all after the deadline refused). */
  endsAt: Date;
  /** Stops the database at `at`, keeps it down for `downMs`, and starts it again. */
  restart: { at: Date; downMs: number; stop(): Promise<void>; start(): Promise<void> };
  /** Longest wait between two attempts of one comment (Retry-After is honoured up to this). */
  maxRetryDelayMs?: number;
};

type Attempt = { key: string; startedAt: number; endedAt: number; answer: Answer };

export type SurgeReport = {
  sent: number;
  accepted: number;
  /** Refused with DEADLINE_PASSED. */
  refused: number;
  /** Answered 503 (or not answered) and tried again. */
  retried: number;
  /** Comments still unresolved when the run ended (neither acknowledged nor refused). */
  unresolved: number;
  /** Idempotency keys stored more than once. */
  duplicates: number;
  /** Acknowledged comments not stored, or stored under another id than acknowledged. */
  lost: number;
  /** Stored at or after the deadline. */
  storedLate: number;
  /** Requests sent after the deadline that created a comment or got anything but DEADLINE_PASSED (or 503, which the client retries). */
  lateNotRefused: number;
  /** Stored though the client heard DEADLINE_PASSED (its acknowledgement was lost, and the retry came after the deadline). */
  storedUnacknowledged: number;
  /** Answers neither 2xx, DEADLINE_PASSED nor 503/no answer. */
  unexpected: string[];
  /** From the database answering again to the first acknowledged comment sent after it; null if there was none. */
  recoveryMs: number | null;
  acceptedAfterRestart: number;
  latency: { p50: number; p95: number; max: number };
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! : 0);

export async function runSurge(plan: SurgePlan): Promise<SurgeReport> {
  const closesAt = plan.closesAt.getTime();
  const endsAt = plan.endsAt.getTime();
  const maxDelay = plan.maxRetryDelayMs ?? 250;
  const attempts: Attempt[] = [];
  /** Per idempotency key: the id acknowledged, or "refused", or undefined while unresolved. */
  const outcomes = new Map<string, string | "refused" | undefined>();
  let upAt = 0;

  const restart = (async () => {
    await sleep(plan.restart.at.getTime() - Date.now());
    await plan.restart.stop();
    await sleep(plan.restart.downMs);
    await plan.restart.start();
    upAt = Date.now();
  })();

  const client = async (index: number) => {
    const token = plan.tokens[index % plan.tokens.length]!;
    for (let n = 0; Date.now() < endsAt; n++) {
      const key = randomUUID();
      const messageId = plan.messageIds[(index + n) % plan.messageIds.length]!;
      outcomes.set(key, undefined);
      // The same comment, under the same key, until it is acknowledged or refused (or the run ends).
      while (Date.now() < endsAt) {
        const startedAt = Date.now();
        const answer = await plan.post({ messageId, token, idempotencyKey: key, body: `Surge comment ${key}` }).catch((): Answer => ({ status: 0 }));
        attempts.push({ key, startedAt, endedAt: Date.now(), answer });
        if (answer.status === 200 || answer.status === 201) {
          outcomes.set(key, answer.id);
          break;
        }
        if (answer.code === "DEADLINE_PASSED") {
          outcomes.set(key, "refused");
          break;
        }
        if (answer.status !== 0 && answer.status !== 503) break; // unexpected: counted below, not retried
        await sleep(Math.min((answer.retryAfterSeconds ?? 0) * 1000, maxDelay) || 50 + Math.random() * 50);
      }
    }
  };
  await Promise.all([restart, ...Array.from({ length: plan.tokens.length }, (_, index) => client(index))]);

  const keys = [...outcomes.keys()];
  const stored = await db.comment.findMany({ where: { idempotencyKey: { in: keys } }, select: { id: true, idempotencyKey: true, createdAt: true } });
  const storedByKey = new Map<string, typeof stored>();
  for (const row of stored) storedByKey.set(row.idempotencyKey!, [...(storedByKey.get(row.idempotencyKey!) ?? []), row]);

  const acknowledged = [...outcomes].filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== "refused");
  const ok = attempts.filter((attempt) => attempt.answer.status === 200 || attempt.answer.status === 201);
  const late = attempts.filter((attempt) => attempt.startedAt >= closesAt);
  const afterRestart = ok.filter((attempt) => upAt && attempt.startedAt >= upAt);
  const latencies = ok.map((attempt) => attempt.endedAt - attempt.startedAt).sort((a, b) => a - b);
  return {
    sent: attempts.length,
    accepted: acknowledged.length,
    refused: [...outcomes.values()].filter((outcome) => outcome === "refused").length,
    retried: attempts.filter((attempt) => attempt.answer.status === 0 || attempt.answer.status === 503).length,
    unresolved: [...outcomes.values()].filter((outcome) => outcome === undefined).length,
    duplicates: [...storedByKey.values()].filter((rows) => rows.length > 1).length,
    lost: acknowledged.filter(([key, id]) => storedByKey.get(key)?.[0]?.id !== id).length,
    storedLate: stored.filter((row) => row.createdAt.getTime() >= closesAt).length,
    // A 200 after the deadline is a retry answered with the comment stored before it (storedLate counts any other).
    lateNotRefused: late.filter(({ answer }) => answer.status === 201 || (answer.status !== 200 && answer.code !== "DEADLINE_PASSED" && answer.status !== 503 && answer.status !== 0)).length,
    storedUnacknowledged: [...outcomes].filter(([key, outcome]) => outcome === "refused" && storedByKey.has(key)).length,
    unexpected: [...new Set(attempts.filter((a) => a.answer.status !== 0 && a.answer.status !== 503 && a.answer.status >= 300 && a.answer.code !== "DEADLINE_PASSED").map((a) => `${a.answer.status} ${a.answer.code ?? ""}`))],
    recoveryMs: afterRestart.length ? Math.min(...afterRestart.map((attempt) => attempt.endedAt)) - upAt : null,
    acceptedAfterRestart: afterRestart.length,
    latency: { p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95), max: latencies.at(-1) ?? 0 },
  };
}

/** The promises, as lines naming each one broken (none: all kept). */
export function brokenPromises(report: SurgeReport): string[] {
  return [
    report.duplicates && `${report.duplicates} comments stored more than once`,
    report.lost && `${report.lost} acknowledged comments not stored as acknowledged`,
    report.storedLate && `${report.storedLate} comments stored after the deadline`,
    report.lateNotRefused && `${report.lateNotRefused} requests after the deadline not refused with DEADLINE_PASSED`,
    report.unexpected.length && `unexpected answers: ${report.unexpected.join(", ")}`,
    report.recoveryMs === null && "no comment was accepted after the database restart: the app did not recover by itself",
  ].filter((line): line is string => Boolean(line));
}

/** The report as the bench prints it. */
export function describeSurge(report: SurgeReport): string {
  const broken = brokenPromises(report);
  return [
    `  accepted ${report.accepted} · refused (DEADLINE_PASSED) ${report.refused} · duplicates ${report.duplicates} · lost ${report.lost} · stored after the deadline ${report.storedLate}`,
    `  requests ${report.sent} (${report.retried} answered 503 or not at all, then retried) · unresolved at the end ${report.unresolved} · stored though refused on retry ${report.storedUnacknowledged}`,
    `  recovery: first comment accepted ${report.recoveryMs === null ? "never" : `${report.recoveryMs} ms`} after the database answered again (${report.acceptedAfterRestart} accepted after it)`,
    `  latency of accepted requests: p50 ${report.latency.p50} ms, p95 ${report.latency.p95} ms, max ${report.latency.max} ms`,
    broken.length ? `  BROKEN: ${broken.join("; ")}` : "  every promise kept: each acknowledged comment stored once, nothing after the deadline, every late request refused, recovered without a restart of the app",
  ].join("\n");
}
