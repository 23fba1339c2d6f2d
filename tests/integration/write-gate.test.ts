import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { POST as commentRoute } from "@/app/api/v1/messages/[id]/comments/route";
import { runAction } from "@/lib/actions/run-action";
import { createAccessToken } from "@/lib/auth/access-tokens";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { EDGE_HEADER } from "@/lib/http/edge";
import { createWriteGate, isApiWrite, resetWriteGate, throughWriteGate, WRITE_ADMITTED_HEADER, writeGate, writeGateOptions } from "@/lib/http/write-gate";
import { importMarkdown } from "../support/consultations";
import { createActor } from "../support/factories";

const DRAFT = `# Load\n\n- Deadline day brings most of the comments.\n`;

const settings = ["WRITE_CONCURRENCY", "WRITE_QUEUE_MS", "WRITE_RETRY_AFTER_SECONDS"] as const;
const saved = Object.fromEntries(settings.map((name) => [name, process.env[name]]));

beforeEach(async () => {
  await db.rateLimitCounter.deleteMany();
});

afterEach(() => {
  for (const name of settings) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  resetWriteGate();
});

function deferred() {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}

async function until(condition: () => boolean) {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
}

describe("the write gate", () => {
  it("runs at most its concurrency, queues briefly, then refuses with UNAVAILABLE and a Retry-After", async () => {
    const gate = createWriteGate({ concurrency: 1, queueMs: 30, retryAfterSeconds: 3 });
    const held = deferred();
    const first = gate.run(() => held.promise.then(() => "first"));
    expect(gate.load()).toEqual({ inFlight: 1, waiting: 0 });

    const started = performance.now();
    const refused = await gate.run(async () => "second").catch((error: unknown) => error);
    expect(performance.now() - started).toBeLessThan(100);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "UNAVAILABLE", status: 503, details: { retryAfterSeconds: 3, fieldErrors: { form: "writeGate.busy" } } });

    // One that waits gets the slot as soon as it is free, within the queue time.
    const queued = gate.run(async () => "queued");
    expect(gate.load()).toEqual({ inFlight: 1, waiting: 1 });
    held.release();
    expect(await first).toBe("first");
    expect(await queued).toBe("queued");
    expect(gate.load()).toEqual({ inFlight: 0, waiting: 0 });
  });

  it("waits behind at most its concurrency, frees the slot when the work fails, and refuses at once without a queue", async () => {
    const gate = createWriteGate({ concurrency: 1, queueMs: 1000, retryAfterSeconds: 1 });
    const held = deferred();
    const first = gate.run(() => held.promise.then(() => Promise.reject(new Error("the write failed"))));
    const queued = gate.run(async () => "queued");
    const started = performance.now();
    await expect(gate.run(async () => "third")).rejects.toMatchObject({ code: "UNAVAILABLE" });
    expect(performance.now() - started).toBeLessThan(50);
    held.release();
    await expect(first).rejects.toThrow("the write failed");
    expect(await queued).toBe("queued");

    const noQueue = createWriteGate({ concurrency: 1, queueMs: 0, retryAfterSeconds: 1 });
    const busy = deferred();
    const running = noQueue.run(() => busy.promise);
    await expect(noQueue.run(async () => "x")).rejects.toMatchObject({ code: "UNAVAILABLE" });
    busy.release();
    await running;
  });

  it("takes its settings from the environment, by default one slot per two connections of the write pool", () => {
    delete process.env.WRITE_CONCURRENCY;
    delete process.env.WRITE_QUEUE_MS;
    const previousPool = process.env.DATABASE_POOL_SIZE;
    process.env.DATABASE_POOL_SIZE = "20";
    const defaults = writeGateOptions();
    if (previousPool === undefined) delete process.env.DATABASE_POOL_SIZE;
    else process.env.DATABASE_POOL_SIZE = previousPool;
    expect(defaults.concurrency).toBe(5);
    expect(defaults.queueMs).toBe(50);
    process.env.WRITE_CONCURRENCY = "3";
    process.env.WRITE_QUEUE_MS = "0";
    expect(writeGateOptions()).toMatchObject({ concurrency: 3, queueMs: 0 });
    process.env.WRITE_CONCURRENCY = "none";
    expect(() => writeGateOptions()).toThrow("WRITE_CONCURRENCY");
  });

  it("gates API writes at the edge, and a route trusts the edge's slot only with the edge's secret", async () => {
    expect(isApiWrite("POST", "/api/v1/messages/m/comments")).toBe(true);
    expect(isApiWrite("DELETE", "/api/v1/comments/c/agree")).toBe(true);
    expect(isApiWrite("GET", "/api/v1/consultations")).toBe(false);
    expect(isApiWrite("POST", "/consultations/igf/messages/1.1")).toBe(false); // a server action: gated inside, keeping the text

    process.env.WRITE_CONCURRENCY = "1";
    process.env.WRITE_QUEUE_MS = "0";
    resetWriteGate();
    const held = deferred();
    const running = writeGate().run(() => held.promise);
    const previous = process.env.CONSULT_EDGE_SECRET;
    process.env.CONSULT_EDGE_SECRET = "edge-secret";
    try {
      const admitted = new Request("http://localhost/api/v1/x", { method: "POST", headers: { [EDGE_HEADER]: "edge-secret", [WRITE_ADMITTED_HEADER]: "1" } });
      expect(await throughWriteGate(async () => "ran in the edge's slot", admitted)).toBe("ran in the edge's slot");
      const forged = new Request("http://localhost/api/v1/x", { method: "POST", headers: { [EDGE_HEADER]: "guess", [WRITE_ADMITTED_HEADER]: "1" } });
      await expect(throughWriteGate(async () => "x", forged)).rejects.toMatchObject({ code: "UNAVAILABLE" });
    } finally {
      if (previous === undefined) delete process.env.CONSULT_EDGE_SECRET;
      else process.env.CONSULT_EDGE_SECRET = previous;
      held.release();
      await running;
    }
  });

  it("gives a comment form its text back with the 'too busy' message", async () => {
    const gate = createWriteGate({ concurrency: 1, queueMs: 0, retryAfterSeconds: 2 });
    const held = deferred();
    const running = gate.run(() => held.promise);
    const values = { messageId: "m", body: "What I typed on deadline day." };
    const state = await runAction(values, () => gate.run(async () => "never"));
    expect(state).toMatchObject({ status: "error", code: "UNAVAILABLE", values, retryAfterSeconds: 2, fieldErrors: { form: "writeGate.busy" } });
    held.release();
    await running;
  });
});

describe("load shedding on the write API", () => {
  it("answers 503 with Retry-After within 100 ms while the slot is taken; the held comment is stored once", async () => {
    process.env.WRITE_CONCURRENCY = "1";
    process.env.WRITE_QUEUE_MS = "50";
    resetWriteGate();
    const { id } = await importMarkdown(DRAFT, { open: true });
    const message = await db.message.findFirstOrThrow({ where: { consultationId: id } });
    const { token } = await createAccessToken(await createActor(), { name: "Load" });
    const post = (body: string, key: string) =>
      commentRoute(
        new Request(`http://localhost:3000/api/v1/messages/${message.id}/comments`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "idempotency-key": key },
          body: JSON.stringify({ body }),
        }),
        { params: Promise.resolve({ id: message.id }) },
      );

    // Hold the first write in the database: a lock on its message keeps the comment's insert waiting.
    const lock = deferred();
    const locked = deferred();
    const holder = db.$transaction(
      async (tx) => {
        await tx.$queryRaw`select id from "Message" where id = ${message.id} for update`;
        locked.release();
        await lock.promise;
      },
      { timeout: 20_000 },
    );
    await locked.promise;
    const held = post("Held in the database.", "held-1");
    await until(() => writeGate().load().inFlight === 1);

    const started = performance.now();
    const refused = await post("One too many.", "refused-1");
    const elapsed = performance.now() - started;
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(elapsed).toBeLessThan(100);
    expect(await refused.json()).toMatchObject({ error: { code: "UNAVAILABLE", reason: "writeGate.busy", message: expect.stringContaining("try again") } });

    lock.release();
    await holder;
    const accepted = await held;
    expect(accepted.status).toBe(201);
    const { id: commentId } = await accepted.json();
    expect(await db.comment.count({ where: { messageId: message.id } })).toBe(1);
    expect(await db.comment.findUnique({ where: { id: commentId } })).not.toBeNull();

    // The refused client comes back with its key and is accepted once.
    const retried = await post("One too many.", "refused-1");
    expect(retried.status).toBe(201);
    expect((await post("One too many.", "refused-1")).status).toBe(200);
    expect(await db.comment.count({ where: { messageId: message.id } })).toBe(2);
    expect(writeGate().load()).toEqual({ inFlight: 0, waiting: 0 });
  });
});
