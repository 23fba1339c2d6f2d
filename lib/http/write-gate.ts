import { poolConfig } from "@/lib/db/pool-config";
import { wholeNumberFromEnvironment } from "@/lib/env";
import { AppError } from "@/lib/errors";

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
  /** Writes running and writes waiting now. */
  load(): { inFlight: number; waiting: number };
};

export const WRITE_BUSY = "writeGate.busy";

export function createWriteGate({ concurrency, queueMs, retryAfterSeconds }: WriteGateOptions): WriteGate {
  let inFlight = 0;
  const waiting: { grant: () => void }[] = [];

  const busy = () => new AppError("UNAVAILABLE", { retryAfterSeconds, messageKey: WRITE_BUSY, fieldErrors: { form: WRITE_BUSY } });

  function acquire(): Promise<void> {
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
      await acquire();
      try {
        return await work();
      } finally {
        release();
      }
    },
    load: () => ({ inFlight, waiting: waiting.length }),
  };
}

/**
 * The settings: WRITE_CONCURRENCY (default: the connections of the pool the
 * comment statements use, DATABASE_POOL_SIZE / 2, since more writes than
 * connections only queue inside the driver), WRITE_QUEUE_MS (default 50, 0
 * for none) and the Retry-After given (WRITE_RETRY_AFTER_SECONDS, default 2).
 */
export function writeGateOptions(): WriteGateOptions {
  return {
    concurrency: wholeNumberFromEnvironment("WRITE_CONCURRENCY", poolConfig().connectionsPerPool),
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

/** The write routes' and comment actions' way in: `work` runs in one of this process's write slots. */
export function throughWriteGate<T>(work: () => Promise<T>): Promise<T> {
  return writeGate().run(work);
}

/** For tests: the next writeGate() reads the settings again. */
export function resetWriteGate() {
  holder.consultWriteGate = undefined;
}
