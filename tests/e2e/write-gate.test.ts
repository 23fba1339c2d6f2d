import postgres from "postgres";
import { describe, expect, inject, it } from "vitest";
import { baseUrl } from "./support/browser";

// The lib/ helpers below reach the app's database through DATABASE_URL.
process.env.DATABASE_URL = inject("e2eDatabaseUrl");

describe("load shedding in the app's server", () => {
  it("refuses API writes beyond the slots at once with 503 and Retry-After, and stores every held one once", async () => {
    const { createAccessToken } = await import("@/lib/auth/access-tokens");
    const { createActor } = await import("../support/factories");
    const { importMarkdown } = await import("../support/consultations");
    const { id } = await importMarkdown("# Load\n\n- Deadline day brings most of the comments.\n", { open: true });
    const database = postgres(inject("e2eDatabaseUrl"), { max: 2, onnotice: () => {} });
    let release: (() => void) | undefined;
    try {
      const [message] = await database<{ id: string }[]>`select id from "Message" where "consultationId" = ${id}`;
      const { token } = await createAccessToken(await createActor(), { name: "Load" });
      const post = async (n: number) => {
        const response = await fetch(`${baseUrl()}/api/v1/messages/${message!.id}/comments`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "idempotency-key": `gate-${id}-${n}` },
          body: JSON.stringify({ body: `Deadline-day comment ${n}.` }),
        });
        return { n, response, body: await response.json() };
      };

      // Every comment on this message waits for the lock: the writes that got a slot hold it.
      const released = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const lockTaken = new Promise<void>((resolve) => (locked = resolve));
      const holder = database.begin(async (tx) => {
        await tx`select id from "Message" where id = ${message!.id} for update`;
        locked();
        await released;
      });
      await lockTaken;

      const attempts = Array.from({ length: 16 }, (_, n) => post(n));
      const settled: Awaited<ReturnType<typeof post>>[] = [];
      for (const attempt of attempts) void attempt.then((result) => settled.push(result));
      // The refusals come while the held writes still wait.
      for (let i = 0; i < 100 && settled.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      await new Promise((resolve) => setTimeout(resolve, 300));
      const refused = [...settled];
      expect(refused.length).toBeGreaterThan(0);
      expect(refused.length).toBeLessThan(16);
      // How fast they come is the bench's to measure (BENCH_ONLY=overload): here, that they come before the held writes end.
      for (const { response, body } of refused) {
        expect(response.status).toBe(503);
        expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
        expect(body).toMatchObject({ error: { code: "UNAVAILABLE", reason: "writeGate.busy" } });
      }

      release?.();
      await holder;
      const results = await Promise.all(attempts);
      const accepted = results.filter((result) => result.response.status === 201);
      expect(accepted).toHaveLength(16 - refused.length);
      const stored = await database<{ key: string }[]>`select "idempotencyKey" as key from "Comment" where "messageId" = ${message!.id}`;
      expect(stored.map((row) => row.key).sort()).toEqual(accepted.map((result) => `gate-${id}-${result.n}`).sort());

      // A refused client comes back with its key and is accepted, once.
      const again = await post(refused[0]!.n);
      expect(again.response.status).toBe(201);
      expect((await post(refused[0]!.n)).response.status).toBe(200);
    } finally {
      // A failed expectation above must not leave the lock held (the test would hang instead of failing).
      release?.();
      await database.end();
    }
  });
});
