import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";

// Many comments from one person within a minute: the restart is what is tested here, not the limit.
vi.hoisted(() => {
  process.env.COMMENT_LIMIT_PER_MINUTE = "100000";
  process.env.COMMENT_LIMIT_PER_DAY = "100000";
});

import { GET as readyRoute } from "@/app/api/ready/route";
import { GET as consultationRoute } from "@/app/api/v1/consultations/[slug]/route";
import { POST as commentRoute } from "@/app/api/v1/messages/[id]/comments/route";
import { createAccessToken } from "@/lib/auth/access-tokens";
import { whoIsAsking } from "@/lib/auth/who-is-asking";
import type { Actor } from "@/lib/auth/actor";
import { createComment } from "@/lib/comments/create-comment";
import { getConsultation } from "@/lib/consultations/get-consultation";
import { listPublicConsultations } from "@/lib/consultations/list-public";
import { db, disconnectDb } from "@/lib/db/client";
import { runMigrations } from "@/lib/db/migrate";
import { asAppError } from "@/lib/errors";
import { importMarkdown } from "../support/consultations";
import { createActor } from "../support/factories";
import { startRestartableServer, type RestartableServer } from "../support/restartable-database";

const BASE = "http://localhost:3000";
const DRAFT = "# Access\n\n- Community networks need spectrum.\n";

let server: RestartableServer;
let slug: string;
let messageId: string;
let actor: Actor;
let token: string;

beforeAll(async () => {
  server = await startRestartableServer();
  const url = await server.createDatabase("consult_restart");
  await runMigrations(url);
  await disconnectDb();
  process.env.DATABASE_URL = url;
  ({ slug } = await importMarkdown(DRAFT, { open: true }));
  messageId = (await db.message.findFirstOrThrow({ where: { section: { consultation: { slug } } } })).id;
  actor = await createActor();
  ({ token } = await createAccessToken(actor, { name: "Restart test" }));
}, 120_000);

afterAll(async () => {
  await disconnectDb();
  process.env.DATABASE_URL = inject("databaseUrl");
  await server?.dispose();
});

let sequence = 0;

/** Every way in that a reader, a form and an API client use, each answering "ok" or how it failed. */
const paths = {
  async writeApi() {
    const response = await commentRoute(
      new Request(`${BASE}/api/v1/messages/${messageId}/comments`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "idempotency-key": `api-${++sequence}` },
        body: JSON.stringify({ body: `Comment ${sequence}` }),
      }),
      { params: Promise.resolve({ id: messageId }) },
    );
    return outcome(response);
  },
  async readApi() {
    return outcome(await consultationRoute(new Request(`${BASE}/api/v1/consultations/${slug}`), { params: Promise.resolve({ slug }) }));
  },
  async tokenCheck() {
    return whoIsAsking({ accessToken: token }).then((found) => (found ? "ok" : "refused"), codeOf);
  },
  /** What the comment form's server action does: the lib call, and its failure turned into form state. */
  async form() {
    return createComment(actor, { messageId, body: `Form comment ${++sequence}`, idempotencyKey: `form-${sequence}` }).then(() => "ok", codeOf);
  },
  async pages() {
    return Promise.all([listPublicConsultations(), getConsultation(null, slug)]).then(() => "ok", codeOf);
  },
};

type PathName = keyof typeof paths;

/** How a form or a page sees a failure: the expected error's code (the same mapping as forms and the API use). */
function codeOf(error: unknown): string {
  const expected = asAppError(error);
  if (expected) return expected.code;
  throw error;
}

async function outcome(response: Response) {
  if (response.ok) return "ok";
  if (response.status === 503 && response.headers.get("retry-after")) return "UNAVAILABLE";
  return `HTTP ${response.status}: ${await response.text()}`;
}

type Sample = { path: PathName; startedAt: number; endedAt: number; result: string };

/** Requests on every path from a few concurrent clients, until stopped. */
function load() {
  const samples: Sample[] = [];
  let running = true;
  const workers = Array.from({ length: 6 }, async (_, worker) => {
    const names = Object.keys(paths) as PathName[];
    for (let i = worker; running; i++) {
      const path = names[i % names.length]!;
      const startedAt = Date.now();
      const result = await paths[path]().catch((error: unknown) => `threw ${String(error)}`);
      samples.push({ path, startedAt, endedAt: Date.now(), result });
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  });
  return {
    samples,
    async stop() {
      running = false;
      await Promise.all(workers);
    },
  };
}

/** Whether every path answers "ok" now; a path that hangs counts as not working. */
async function allPathsWork() {
  const hung = () => new Promise<string>((resolve) => setTimeout(() => resolve("hung"), 2_000));
  const results = await Promise.all((Object.keys(paths) as PathName[]).map((path) => Promise.race([paths[path](), hung()])));
  return results.every((result) => result === "ok");
}

describe("a database restart", () => {
  it("fails fast with 503 while the database is down, and every path works again within seconds, twice", async () => {
    const traffic = load();
    for (let restart = 1; restart <= 2; restart++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await server.stop();
      const downFrom = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const downUntil = Date.now();
      const ready = await readyRoute();
      expect(ready.status).toBe(503);
      expect(ready.headers.get("retry-after")).toBeTruthy();

      await server.start();
      const upAt = Date.now();
      while (!(await allPathsWork())) {
        expect(Date.now() - upAt, "every path works again within 5 s of the database answering").toBeLessThan(5_000);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect((await readyRoute()).status).toBe(200);

      const whileDown = traffic.samples.filter((sample) => sample.startedAt >= downFrom && sample.endedAt <= downUntil);
      expect(whileDown.length).toBeGreaterThan(10);
      for (const sample of whileDown) {
        expect(sample.result, `${sample.path} while the database is down`).toBe("UNAVAILABLE");
        expect(sample.endedAt - sample.startedAt, `${sample.path} fails fast`).toBeLessThan(1_000);
      }
    }
    await traffic.stop();

    // Before and after the outages, everything succeeded.
    const upSamples = traffic.samples.filter((sample) => sample.result === "ok");
    expect(new Set(upSamples.map((sample) => sample.path))).toEqual(new Set(Object.keys(paths)));
    expect(await allPathsWork()).toBe(true);

    // Nothing half-written: every comment has the audit event written in its transaction.
    const comments = await db.comment.count({ where: { messageId } });
    const audited = await db.auditEvent.count({ where: { action: "comment.created", subjectId: { in: (await db.comment.findMany({ where: { messageId }, select: { id: true } })).map((c) => c.id) } } });
    expect(comments).toBeGreaterThan(0);
    expect(audited).toBe(comments);
  }, 120_000);
});
