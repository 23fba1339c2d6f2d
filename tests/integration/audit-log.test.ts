import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/[locale]/(site)/admin/audit/export/route";
import { createAccessToken } from "@/lib/auth/access-tokens";
import { db } from "@/lib/db/client";
import { auditCsv, auditLog, auditQuery } from "@/lib/moderation/audit-log";
import { failure } from "../support/failure";
import { createActor } from "../support/factories";

/** Events of this test alone: an action name no other test writes. */
async function events() {
  const tag = `test.${randomBytes(4).toString("hex")}`;
  const alice = await createActor({ role: "SECRETARIAT" });
  const bob = await createActor({ role: "SECRETARIAT" });
  const write = (actorId: string | null, action: string, subjectType: string, subjectId: string, createdAt: string, data: object = {}) =>
    db.auditEvent.create({ data: { actorId, action: `${tag}.${action}`, subjectType, subjectId, createdAt: new Date(createdAt), data } });
  const made = [
    await write(alice.userId, "hidden", "Comment", "c1", "2026-03-01T10:00:00Z", { reason: "SPAM" }),
    await write(bob.userId, "hidden", "Comment", "c2", "2026-03-02T23:59:59Z"),
    await write(bob.userId, "suspended", "User", "u1", "2026-03-03T00:00:00Z", { reason: "Said \"no\", then, again\nand again" }),
    await write(null, "auto_hidden", "Comment", "c1", "2026-03-04T08:00:00Z"),
  ];
  return { tag, alice, bob, ids: made.map((event) => event.id) };
}

async function read(stream: ReadableStream<Uint8Array>) {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe("the audit log", () => {
  it("filters by actor (e-mail or id), action, subject and UTC days, newest first", async () => {
    const admin = await createActor({ role: "ADMIN" });
    const { tag, alice, bob, ids } = await events();
    const [first, second, third, fourth] = ids;
    const found = async (params: Record<string, string>) =>
      (await auditLog(admin, auditQuery(params))).events.filter((event) => event.action.startsWith(tag)).map((event) => event.id);
    const actions = (await auditLog(admin, auditQuery({ action: `${tag}.hidden` }))).events.map((event) => event.id);
    expect(actions).toEqual([second, first]);
    expect(await found({ actor: alice.email.toUpperCase() })).toEqual([first]);
    expect(await found({ actor: bob.userId })).toEqual([third, second]);
    expect(await found({ subjectType: "Comment", subjectId: "c1", from: "2026-03-01", to: "2026-03-04" })).toEqual([fourth, first]);
    // Days are whole UTC days, both included.
    expect((await auditLog(admin, auditQuery({ action: `${tag}.hidden`, from: "2026-03-02", to: "2026-03-02" }))).events.map((event) => event.id)).toEqual([second]);
    expect((await failure(Promise.resolve().then(() => auditQuery({ from: "soon" })))).details.fieldErrors).toEqual({ from: "errors.dateInvalid" });
    expect((await failure(Promise.resolve().then(() => auditQuery({ from: "2026-03-05", to: "2026-03-01" })))).details.fieldErrors).toEqual({ to: "errors.toBeforeFrom" });
  });

  it("pages by keyset: the next page starts below the last event shown", async () => {
    const admin = await createActor({ role: "ADMIN" });
    for (let index = 0; index < 51; index++) await db.auditEvent.create({ data: { action: "test.paging", subjectType: "Comment", subjectId: `p${index}` } });
    const first = await auditLog(admin, auditQuery({ action: "test.paging" }));
    expect(first.events).toHaveLength(50);
    expect(first.next).not.toBeNull();
    const second = await auditLog(admin, auditQuery({ action: "test.paging" }), BigInt(first.next!));
    expect(second.events.map((event) => event.subjectId)).toEqual(["p0"]);
    expect(second.next).toBeNull();
  });

  it("exports as UTF-8 CSV with a byte-order mark, escaping quotes, commas and line breaks, read in batches", async () => {
    const admin = await createActor({ role: "ADMIN" });
    const { tag, bob, ids } = await events();
    // A batch smaller than the rows: the export reads on by keyset.
    const bytes = await read(auditCsv(admin, auditQuery({ actor: bob.email }), 1));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.split("\r\n");
    expect(lines[0]).toBe("id,createdAt,actorId,actorEmail,action,subjectType,subjectId,data");
    expect(text).toBe(
      [
        "id,createdAt,actorId,actorEmail,action,subjectType,subjectId,data",
        `${ids[1]},2026-03-02T23:59:59.000Z,${bob.userId},${bob.email},${tag}.hidden,Comment,c2,{}`,
        `${ids[2]},2026-03-03T00:00:00.000Z,${bob.userId},${bob.email},${tag}.suspended,User,u1,"{""reason"":""Said \\""no\\"", then, again\\nand again""}"`,
        "",
      ].join("\r\n"),
    );
  });

  it("quotes a field with a raw line break or quote, and defuses a spreadsheet formula", async () => {
    const admin = await createActor({ role: "ADMIN" });
    const subjectId = `=HYPERLINK("x"),\nnext ${randomBytes(3).toString("hex")}`;
    const event = await db.auditEvent.create({ data: { action: "test.csv", subjectType: "Comment", subjectId } });
    const text = new TextDecoder().decode(await read(auditCsv(admin, auditQuery({ subjectId }))));
    expect(text.split("\r\n")[1]).toBe(`${event.id},${event.createdAt.toISOString()},,,test.csv,Comment,"'=HYPERLINK(""x""),\nnext ${subjectId.slice(-6)}",{}`);
  });

  it("is for administrators only, on the page's function and on the export route", async () => {
    const moderator = await createActor({ role: "SECRETARIAT" });
    const admin = await createActor({ role: "ADMIN" });
    expect((await failure(auditLog(moderator, auditQuery({})))).code).toBe("FORBIDDEN");
    expect((await failure(auditLog(null, auditQuery({})))).code).toBe("UNAUTHENTICATED");
    expect((await failure(Promise.resolve().then(() => auditCsv(moderator, auditQuery({}))))).code).toBe("FORBIDDEN");

    const { token: moderatorToken } = await createAccessToken(moderator, { name: "Audit" });
    const { token: adminToken } = await createAccessToken(admin, { name: "Audit" });
    const get = (token?: string, query = "") =>
      exportRoute(new Request(`http://localhost:3000/admin/audit/export${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }));
    expect((await get()).status).toBe(401);
    expect((await get(moderatorToken)).status).toBe(403);
    expect((await get(adminToken, "?from=soon")).status).toBe(422);
    const response = await get(adminToken, "?action=test.csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toContain("audit-log.csv");
    expect((await response.text()).split("\r\n")[0]).toContain("id,createdAt,actorId");
  });
});
