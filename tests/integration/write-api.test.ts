import { beforeEach, describe, expect, it } from "vitest";
import { GET as annotationsRoute } from "@/app/api/v1/consultations/[slug]/annotations/route";
import { GET as commentsRoute } from "@/app/api/v1/consultations/[slug]/comments/route";
import { DELETE as disagreeRoute, POST as agreeRoute } from "@/app/api/v1/comments/[id]/agree/route";
import { DELETE as withdrawRoute, PATCH as editRoute } from "@/app/api/v1/comments/[id]/route";
import { POST as commentRoute } from "@/app/api/v1/messages/[id]/comments/route";
import { createAccessToken, revokeAccessToken } from "@/lib/auth/access-tokens";
import { db } from "@/lib/db/client";
import { describeW3cFailures, failedW3cAssertions } from "../support/w3c/w3c-assertions";
import { importMarkdown } from "../support/consultations";
import { createActor } from "../support/factories";

const BASE = "http://localhost:3000";
const DRAFT = `# Access\n\n- 全球约有 26 亿人尚未接入互联网。加快国际合作对于弥合数字鸿沟至关重要。\n- Community networks need spectrum.\n`;

async function setup() {
  const { id, slug } = await importMarkdown(DRAFT, { open: true, language: "zh" });
  const message = await db.message.findUniqueOrThrow({ where: { consultationId_number: { consultationId: id, number: "1.1" } }, include: { versions: true } });
  const actor = await createActor();
  const { token } = await createAccessToken(actor, { name: "Our tool" });
  return { consultationId: id, slug, messageId: message.id, text: message.versions[0]!.text, actor, token };
}

function request(method: string, url: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  return new Request(`${BASE}${url}`, {
    method,
    headers: {
      "content-type": "application/json",
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
}

const params = <T extends object>(value: T) => ({ params: Promise.resolve(value) });

beforeEach(async () => {
  await db.rateLimitCounter.deleteMany();
});

describe("write API", () => {
  it("files an annotation with a token and honours Idempotency-Key", async () => {
    const { messageId, text, token } = await setup();
    const start = text.indexOf("数字鸿沟");
    const body = { body: "请补充具体的资金机制。", selector: { exact: "数字鸿沟", start, end: start + 4 } };
    const first = await commentRoute(request("POST", `/api/v1/messages/${messageId}/comments`, { token, body, headers: { "idempotency-key": "k-1" } }), params({ id: messageId }));
    expect(first.status).toBe(201);
    const created = await first.json();
    expect(created).toMatchObject({ messageId, status: "published", body: "请补充具体的资金机制。", selector: { exact: "数字鸿沟", start, end: start + 4 } });
    expect(created.author).toEqual({ name: "Ada Participant", stakeholderGroup: "CIVIL_SOCIETY", region: "AFRICA", country: "KE", organisation: null });

    const retry = await commentRoute(request("POST", `/api/v1/messages/${messageId}/comments`, { token, body, headers: { "idempotency-key": "k-1" } }), params({ id: messageId }));
    expect(retry.status).toBe(200);
    expect((await retry.json()).id).toBe(created.id);
  });

  it("answers bad input with a stable code, a status and a message per field", async () => {
    const { messageId, token } = await setup();
    const url = `/api/v1/messages/${messageId}/comments`;
    const mismatch = await commentRoute(request("POST", url, { token, body: { body: "x", selector: { exact: "数字鸿沟", start: 0, end: 4 } } }), params({ id: messageId }));
    expect(mismatch.status).toBe(422);
    expect(await mismatch.json()).toMatchObject({ error: { code: "VALIDATION", fields: { selector: { code: "selectorMismatch" } } } });

    // A quote typed with a variant character (鸿构 for 鸿沟): the nearest passages come with the refusal.
    const variant = await commentRoute(request("POST", url, { token, body: { body: "x", quote: "数字鸿构" } }), params({ id: messageId }));
    expect(variant.status).toBe(422);
    const offered = await variant.json();
    expect(offered.error.fields.quote.code).toBe("quoteNotFound");
    expect(offered.error.nearestPassages[0]).toMatchObject({ exact: "数字鸿沟" });

    const empty = await commentRoute(request("POST", url, { token, body: { body: "   " } }), params({ id: messageId }));
    expect((await empty.json()).error.fields.body).toEqual({ code: "commentBodyRequired", message: "Write your comment." });

    const notJson = await commentRoute(new Request(`${BASE}${url}`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: "{oops" }), params({ id: messageId }));
    expect(notJson.status).toBe(422);
    const unknown = await commentRoute(request("POST", "/api/v1/messages/nope/comments", { token, body: { body: "x" } }), params({ id: "nope" }));
    expect(unknown.status).toBe(404);
  });

  it("refuses unknown and revoked tokens, and cookie-less anonymous writes", async () => {
    const { messageId, token, actor } = await setup();
    const url = `/api/v1/messages/${messageId}/comments`;
    const bad = await commentRoute(request("POST", url, { token: "cst_not-a-real-token", body: { body: "x" } }), params({ id: messageId }));
    expect(bad.status).toBe(401);
    expect((await bad.json()).error.code).toBe("UNAUTHENTICATED");
    const record = await db.personalAccessToken.findFirstOrThrow({ where: { userId: actor.userId } });
    await revokeAccessToken(actor, { id: record.id });
    const revoked = await commentRoute(request("POST", url, { token, body: { body: "x" } }), params({ id: messageId }));
    expect(revoked.status).toBe(401);
    // A session write from another site (no matching Origin) is refused before anything else.
    const crossSite = await commentRoute(request("POST", url, { body: { body: "x" }, headers: { origin: "https://evil.example" } }), params({ id: messageId }));
    expect(crossSite.status).toBe(403);
  });

  it("answers who is asking before what was sent, and notes when a token was used", async () => {
    const { messageId, token, actor } = await setup();
    const lastUsed = async () => (await db.personalAccessToken.findFirstOrThrow({ where: { userId: actor.userId } })).lastUsedAt;
    expect(await lastUsed()).toBeNull();
    const url = `/api/v1/messages/${messageId}/comments`;
    const raw = (authorization: string, body: string) =>
      commentRoute(new Request(`${BASE}${url}`, { method: "POST", headers: { authorization }, body }), params({ id: messageId }));
    expect((await raw("Bearer cst_not-a-real-token", "{oops")).status).toBe(401);
    expect((await raw("Bearer cst_not-a-real-token", JSON.stringify({ body: "" }))).status).toBe(401);
    expect((await raw("Basic dXNlcjpwYXNz", JSON.stringify({ body: "x" }))).status).toBe(401);
    expect(await lastUsed()).toBeNull();
    expect((await commentRoute(request("POST", url, { token, body: { body: "Noted." } }), params({ id: messageId }))).status).toBe(201);
    expect(await lastUsed()).not.toBeNull();
    expect((await raw(`Bearer ${token}`, "{oops")).status).toBe(422);
    expect((await raw(`Bearer ${token}`, JSON.stringify({ body: "" }))).status).toBe(422);
  });

  it("refuses a token of a suspended person, or of one without a complete profile", async () => {
    const { messageId, token, actor } = await setup();
    const url = `/api/v1/messages/${messageId}/comments`;
    await db.user.update({ where: { id: actor.userId }, data: { suspendedAt: new Date() } });
    const suspended = await commentRoute(request("POST", url, { token, body: { body: "x" } }), params({ id: messageId }));
    expect((await suspended.json()).error.code).toBe("SUSPENDED");
    const invalidToo = await commentRoute(request("POST", url, { token, body: { body: "" } }), params({ id: messageId }));
    expect((await invalidToo.json()).error.code).toBe("SUSPENDED");
    const unreadable = await commentRoute(new Request(`${BASE}${url}`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: "{oops" }), params({ id: messageId }));
    expect((await unreadable.json()).error.code).toBe("SUSPENDED");
    await db.user.update({ where: { id: actor.userId }, data: { suspendedAt: null } });
    await db.stakeholderProfile.delete({ where: { userId: actor.userId } });
    const noProfile = await commentRoute(request("POST", url, { token, body: { body: "x" } }), params({ id: messageId }));
    expect((await noProfile.json()).error.code).toBe("PROFILE_INCOMPLETE");
    expect(await db.comment.count({ where: { authorId: actor.userId } })).toBe(0);
  });

  it("edits, withdraws and agrees with the same rules as the forms", async () => {
    const { messageId, token, consultationId } = await setup();
    const other = await createActor();
    const { token: otherToken } = await createAccessToken(other, { name: "Other tool" });
    const created = await (await commentRoute(request("POST", `/api/v1/messages/${messageId}/comments`, { token, body: { body: "First." } }), params({ id: messageId }))).json();
    const id = created.id as string;

    const hijack = await editRoute(request("PATCH", `/api/v1/comments/${id}`, { token: otherToken, body: { body: "Mine" } }), params({ id }));
    expect(hijack.status).toBe(403);
    const edited = await editRoute(request("PATCH", `/api/v1/comments/${id}`, { token, body: { body: "Second." } }), params({ id }));
    expect(await edited.json()).toMatchObject({ body: "Second.", editedAt: expect.any(String) });

    expect(await (await agreeRoute(request("POST", `/api/v1/comments/${id}/agree`, { token: otherToken }), params({ id }))).json()).toEqual({ agreed: true, count: 1 });
    expect(await (await disagreeRoute(request("DELETE", `/api/v1/comments/${id}/agree`, { token: otherToken }), params({ id }))).json()).toEqual({ agreed: false, count: 0 });
    expect((await agreeRoute(request("POST", `/api/v1/comments/${id}/agree`, { token }), params({ id }))).status).toBe(409);

    const withdrawn = await withdrawRoute(request("DELETE", `/api/v1/comments/${id}`, { token }), params({ id }));
    expect(await withdrawn.json()).toMatchObject({ status: "withdrawn", body: null });

    await db.consultation.update({ where: { id: consultationId }, data: { closesAt: new Date(Date.now() - 1000) } });
    const late = await commentRoute(request("POST", `/api/v1/messages/${messageId}/comments`, { token, body: { body: "Late." } }), params({ id: messageId }));
    expect(late.status).toBe(409);
    expect((await late.json()).error).toMatchObject({ code: "DEADLINE_PASSED", closedAt: expect.any(String) });
  });

  it("answers 429 with Retry-After over the limit", async () => {
    const { messageId, token } = await setup();
    let last: Response | null = null;
    for (let i = 0; i < 11; i++) {
      last = await commentRoute(request("POST", `/api/v1/messages/${messageId}/comments`, { token, body: { body: `n${i}` } }), params({ id: messageId }));
    }
    expect(last?.status).toBe(429);
    expect(Number(last?.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("exports", () => {
  it("exports annotations as a W3C AnnotationCollection whose pages pass every MUST", async () => {
    const { messageId, text, token, slug } = await setup();
    const start = text.indexOf("国际合作");
    await commentRoute(request("POST", `/api/v1/messages/${messageId}/comments`, { token, body: { body: "合作的形式？", selector: { exact: "国际合作", start, end: start + 4 } } }), params({ id: messageId }));
    await commentRoute(request("POST", `/api/v1/messages/${messageId}/comments`, { token, body: { body: "Whole-message comments are not annotations." } }), params({ id: messageId }));

    const collectionResponse = await annotationsRoute(new Request(`${BASE}/api/v1/consultations/${slug}/annotations`), params({ slug }));
    expect(collectionResponse.headers.get("content-type")).toContain("application/ld+json");
    const collection = await collectionResponse.json();
    expect(collection).toMatchObject({ type: "AnnotationCollection", total: 1 });
    expect(describeW3cFailures(failedW3cAssertions("collections/collectionMusts.test", collection))).toBe("");

    const page = await (await annotationsRoute(new Request(collection.first), params({ slug }))).json();
    expect(describeW3cFailures(failedW3cAssertions("collections/pages/pageMusts.test", page))).toBe("");
    const [annotation] = page.items;
    expect(annotation.target.selector).toEqual([
      { type: "TextQuoteSelector", exact: "国际合作", prefix: text.slice(0, start), suffix: text.slice(start + 4, start + 36) },
      { type: "TextPositionSelector", start, end: start + 4 },
    ]);
    expect(describeW3cFailures(failedW3cAssertions("annotations/annotationMusts.test", { "@context": page["@context"], ...annotation }))).toBe("");
    const outOfRange = await annotationsRoute(new Request(`${BASE}/api/v1/consultations/${slug}/annotations?page=5`), params({ slug }));
    expect(outOfRange.status).toBe(404);
  });

  it("lists public comments and replies, withdrawn ones without their text", async () => {
    const { messageId, token, slug } = await setup();
    const first = await (await commentRoute(request("POST", `/api/v1/messages/${messageId}/comments`, { token, body: { body: "Root" } }), params({ id: messageId }))).json();
    await commentRoute(request("POST", `/api/v1/messages/${messageId}/comments`, { token, body: { body: "Reply", parentId: first.id } }), params({ id: messageId }));
    await withdrawRoute(request("DELETE", `/api/v1/comments/${first.id}`, { token }), params({ id: first.id }));
    const listed = await (await commentsRoute(new Request(`${BASE}/api/v1/consultations/${slug}/comments`), params({ slug }))).json();
    expect(listed.data.map((c: { parentId: string | null; status: string; body: string | null; messageNumber: string }) => [c.parentId === first.id, c.status, c.body, c.messageNumber])).toEqual([
      [false, "withdrawn", null, "1.1"],
      [true, "published", "Reply", "1.1"],
    ]);
    expect(listed.next).toBeNull();
  });
});
