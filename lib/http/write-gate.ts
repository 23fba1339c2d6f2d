import { poolConfig } from "@/lib/db/pool-config";
import { wholeNumberFromEnvironment } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { EDGE_HEADER } from "./edge";

/**
 * Writing under overload: at most `concurrency` writes in flight in this
 * process; a write beyond it waits at most `queueMs` for a free slot (behind
 * at most `concurrency` others), else it is refused at once with 503 and
 * Retry-After, so that clients (with idempotency keys) come back later instead
 * of queueing without bound. A refused write has done no database work, so
 * nothing accepted is lost. Per process: each app instance sheds its own load.
 */
export type WriteGateOptions = { concurrency: number; queueMs: number; retryAfterSeconds: number };

export type WriteGate = {
  /** Runs `work` in a slot, or throws UNAVAILABLE (503, Retry-After) when none is free within queueMs. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Takes a slot (the edge holds it for a whole request): resolves to its release (idempotent), or rejects with UNAVAILABLE. */
  acquire(): Promise<() => void>;
  readonly retryAfterSeconds: number;
  /** Writes running and writes waiting now. */
  load(): { inFlight: number; waiting: number };
};

export const WRITE_BUSY = "writeGate.busy";

/** The refusal: 503 with Retry-After; a form shows "too busy" and keeps the text. */
export function writeBusyError(retryAfterSeconds: number) {
  return new AppError("UNAVAILABLE", { retryAfterSeconds, messageKey: WRITE_BUSY, fieldErrors: { form: WRITE_BUSY } });
}

export function createWriteGate({ concurrency, queueMs, retryAfterSeconds }: WriteGateOptions): WriteGate {
  let inFlight = 0;
  const waiting: { grant: () => void }[] = [];

  const busy = () => writeBusyError(retryAfterSeconds);

  function take(): Promise<void> {
    if (inFlight < concurrency) {
      inFlight++;
      return Promise.resolve();
    }
    if (queueMs === 0 || waiting.length >= concurrency) return Promise.reject(busy());
    return new Promise((resolve, reject) => {
      const entry = {
        grant: () => {
          clearTimeout(timer);
          inFlight++;
          resolve();
        },
      };
      const timer = setTimeout(() => {
        waiting.splice(waiting.indexOf(entry), 1);
        reject(busy());
      }, queueMs);
      timer.unref?.();
      waiting.push(entry);
    });
  }

  function release() {
    inFlight--;
    waiting.shift()?.grant();
  }

  return {
    async run(work) {
      await take();
      try {
        return await work();
      } finally {
        release();
      }
    },
    async acquire() {
      await take();
      let released = false;
      return () => {
        if (released) return;
        released = true;
        release();
      };
    },
    retryAfterSeconds,
    load: () => ({ inFlight, waiting: waiting.length }),
  };
}

/**
 * The settings: WRITE_CONCURRENCY (default: half the connections of the
 * pool the comment statements use, DATABASE_POOL_SIZE / 4, at least 2: a
 * write holds a connection for two short statements, and the app's own CPU
 * is spent before the database's, so more writes in flight only lengthen
 * every answer without raising the rate — `npm run bench`, BENCH_ONLY=overload),
 * WRITE_QUEUE_MS (default 50, 0 for none) and the Retry-After given
 * (WRITE_RETRY_AFTER_SECONDS, default 2).
 */
export function writeGateOptions(): WriteGateOptions {
  return {
    concurrency: wholeNumberFromEnvironment("WRITE_CONCURRENCY", Math.max(2, Math.ceil(poolConfig().connectionsPerPool / 2))),
    queueMs: wholeNumberFromEnvironment("WRITE_QUEUE_MS", 50, 0),
    retryAfterSeconds: wholeNumberFromEnvironment("WRITE_RETRY_AFTER_SECONDS", 2),
  };
}

const holder = globalThis as unknown as { consultWriteGate?: WriteGate };

/** This process's gate, made on first use. */
export function writeGate(): WriteGate {
  holder.consultWriteGate ??= createWriteGate(writeGateOptions());
  return holder.consultWriteGate;
}

/**
 * Set by the app's server (scripts/serve.ts) on an API write it admitted: it
 * already holds a slot for the whole request, from before Next.js does any
 * work, so that under overload refusals cost next to nothing and come at once.
 */
export const WRITE_ADMITTED_HEADER = "x-consult-write-admitted";

/** A write through the JSON API (any method but reading), which the edge gates. */
export function isApiWrite(method: string | undefined, path: string) {
  return method !== undefined && !["GET", "HEAD", "OPTIONS"].includes(method) && path.startsWith("/api/v1/");
}

/** Believed only with the edge's secret (served some other way, the route takes its own slot). */
function admittedByEdge(headers: Headers) {
  const secret = process.env.CONSULT_EDGE_SECRET;
  return Boolean(secret) && headers.get(EDGE_HEADER) === secret && headers.get(WRITE_ADMITTED_HEADER) === "1";
}

/**
 * The write routes' and comment actions' way in: `work` runs in one of this
 * process's write slots (or in the one the edge took for the request).
 */
export function throughWriteGate<T>(work: () => Promise<T>, request?: Request): Promise<T> {
  if (request && admittedByEdge(request.headers)) return work();
  return writeGate().run(work);
}

/** For tests: the next writeGate() reads the settings again. */
export function resetWriteGate() {
  holder.consultWriteGate = undefined;
}
