import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";

// Each client writes many comments a second: the surge is what is tested here, not the per-person limit.
vi.hoisted(() => {
  process.env.COMMENT_LIMIT_PER_MINUTE = "100000";
  process.env.COMMENT_LIMIT_PER_DAY = "100000";
});

import { POST as commentRoute } from "@/app/api/v1/messages/[id]/comments/route";
import { createAccessToken } from "@/lib/auth/access-tokens";
import { db, disconnectDb } from "@/lib/db/client";
import { runMigrations } from "@/lib/db/migrate";
import { brokenPromises, describeSurge, runSurge, type Answer } from "../../scripts/bench/surge";
import { importMarkdown } from "../support/consultations";
import { createActor } from "../support/factories";
import { startRestartableServer, type RestartableServer } from "../support/restartable-database";

const BASE = "http://localhost:3000";
const DRAFT = "# Access\n\n- Community networks need spectrum.\n- Affordable access for all.\n";

let server: RestartableServer;
let consultationId: string;
let messageIds: string[];
let tokens: string[];

beforeAll(async () => {
  server = await startRestartableServer();
  const url = await server.createDatabase("consult_surge");
  await runMigrations(url);
  await disconnectDb();
  process.env.DATABASE_URL = url;
  ({ id: consultationId } = await importMarkdown(DRAFT, { open: true }));
  messageIds = (await db.message.findMany({ where: { consultationId }, select: { id: true } })).map((message) => message.id);
  tokens = [];
  for (let i = 0; i < 8; i++) tokens.push((await createAccessToken(await createActor(), { name: `Surge client ${i}` })).token);
}, 120_000);

afterAll(async () => {
  await disconnectDb();
  process.env.DATABASE_URL = inject("databaseUrl");
  await server?.dispose();
});

/** The write API's route, called in process as the server would. */
async function post({ messageId, token, idempotencyKey, body }: { messageId: string; token: string; idempotencyKey: string; body: string }): Promise<Answer> {
  const response = await commentRoute(
    new Request(`${BASE}/api/v1/messages/${messageId}/comments`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "idempotency-key": idempotencyKey },
      body: JSON.stringify({ body }),
    }),
    { params: Promise.resolve({ id: messageId }) },
  );
  const json = (await response.json().catch(() => ({}))) as { id?: string; error?: { code?: string; retryAfterSeconds?: number } };
  return { status: response.status, id: json.id, code: json.error?.code, retryAfterSeconds: json.error?.retryAfterSeconds };
}

describe("a surge of API clients through a deadline and a database restart", () => {
  it("stores every acknowledged comment once, nothing after the deadline, refuses every late request, and recovers by itself", async () => {
    const start = Date.now();
    // The deadline well after the restart, so that a slow start of PostgreSQL on a busy machine still leaves time to recover before it.
    const closesAt = new Date(start + 5_000);
    await db.consultation.update({ where: { id: consultationId }, data: { closesAt } });
    await disconnectDb(); // the run starts with no connection left over from the set-up
    const report = await runSurge({
      post,
      tokens,
      messageIds,
      closesAt,
      endsAt: new Date(start + 6_000),
      restart: { at: new Date(start + 500), downMs: 1_000, stop: () => server.stop(), start: () => server.start() },
    });
    console.log(describeSurge(report));
    expect(brokenPromises(report)).toEqual([]);
    expect(report.accepted).toBeGreaterThan(0);
    expect(report.refused).toBeGreaterThan(0);
    expect(report.retried, "the restart was felt").toBeGreaterThan(0);
    expect(report.recoveryMs!, "writes succeed again within 5 s of the database").toBeLessThan(5_000);
  }, 60_000);
});
