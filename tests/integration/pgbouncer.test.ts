import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";

// More comments from one person than a minute allows: the pooler is what is tested here, not the limit.
vi.hoisted(() => {
  process.env.COMMENT_LIMIT_PER_MINUTE = "1000";
});

import { GET as readyRoute } from "@/app/api/ready/route";
import { GET as consultationRoute } from "@/app/api/v1/consultations/[slug]/route";
import { POST as commentRoute } from "@/app/api/v1/messages/[id]/comments/route";
import { createAccessToken } from "@/lib/auth/access-tokens";
import { createComment } from "@/lib/comments/create-comment";
import { getConsultation } from "@/lib/consultations/get-consultation";
import { listPublicConsultations } from "@/lib/consultations/list-public";
import { db, disconnectDb } from "@/lib/db/client";
import { runMigrations } from "@/lib/db/migrate";
import { importMarkdown } from "../support/consultations";
import { extraDatabases } from "../support/extra-databases";
import { createActor } from "../support/factories";
import { findPgBouncer, startPgBouncer, type PgBouncer } from "../support/pgbouncer";

// CI installs pgbouncer (.ci/run); elsewhere this file skips, saying why.
const binary = findPgBouncer();
if (!binary) console.warn("pgbouncer.test.ts skipped: no pgbouncer binary (apt-get install -y pgbouncer, or set PGBOUNCER_PATH).");

const BASE = "http://localhost:3000";
const DRAFT = "# Access\n\n- Community networks need spectrum.\n- 全球约有 26 亿人尚未接入互联网。\n";
const databases = extraDatabases();
let bouncer: PgBouncer | undefined;

beforeAll(async () => {
  if (!binary) return;
  const direct = await databases.create("consult_pooler");
  await runMigrations(direct);
  // Two server connections for many clients: consecutive statements of one client land on different ones.
  bouncer = await startPgBouncer(binary, direct, { poolSize: 2 });
  await disconnectDb();
  process.env.DATABASE_URL = bouncer.url;
  process.env.DATABASE_POOLER = "transaction";
}, 60_000);

afterAll(async () => {
  await disconnectDb();
  delete process.env.DATABASE_POOLER;
  process.env.DATABASE_URL = inject("databaseUrl");
  await bouncer?.stop();
});

describe.skipIf(!binary)("behind PgBouncer in transaction mode", () => {
  it("is ready, writes comments through the API and forms (idempotently), and serves the pages", async () => {
    expect((await readyRoute()).status).toBe(200);
    const { slug } = await importMarkdown(DRAFT, { open: true });
    const messages = await db.message.findMany({ where: { consultation: { slug } }, orderBy: { number: "asc" } });
    const actor = await createActor();
    const { token } = await createAccessToken(actor, { name: "Pooler test" });

    // As a client should: a write the app is too busy for (503) is sent again, with its key, after Retry-After.
    const post = async (messageId: string, key: string, body: string): Promise<Response> => {
      const response = await commentRoute(
        new Request(`${BASE}/api/v1/messages/${messageId}/comments`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "idempotency-key": key },
          body: JSON.stringify({ body }),
        }),
        { params: Promise.resolve({ id: messageId }) },
      );
      if (response.status !== 503) return response;
      await new Promise((resolve) => setTimeout(resolve, Number(response.headers.get("retry-after")) * 1000));
      return post(messageId, key, body);
    };
    // Many at once, each twice: prepared statements or session settings would break on a connection they were not made on.
    const statuses = await Promise.all(
      Array.from({ length: 8 }, (_, index) => [post(messages[index % 2]!.id, `pool-${index}`, `Comment ${index}`), post(messages[index % 2]!.id, `pool-${index}`, `Comment ${index}`)]).flat().map(async (response) => (await response).status),
    );
    expect(statuses.toSorted()).toEqual([...Array(8).fill(200), ...Array(8).fill(201)]);
    expect(await db.comment.count({ where: { message: { consultation: { slug } } } })).toBe(8);

    await createComment(actor, { messageId: messages[1]!.id, body: "Through the form", idempotencyKey: "form-1" });
    await createComment(actor, { messageId: messages[1]!.id, body: "Through the form", idempotencyKey: "form-1" });
    expect(await db.comment.count({ where: { message: { consultation: { slug } } } })).toBe(9);

    const json = await consultationRoute(new Request(`${BASE}/api/v1/consultations/${slug}`), { params: Promise.resolve({ slug }) });
    expect(json.status).toBe(200);
    const page = await getConsultation(null, slug);
    expect(page).toBeTruthy();
    expect(JSON.stringify(await listPublicConsultations())).toContain(slug);
    expect((await readyRoute()).status).toBe(200);
  }, 60_000);
});
