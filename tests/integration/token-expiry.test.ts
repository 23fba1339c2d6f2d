import { beforeEach, describe, expect, it } from "vitest";
import { DELETE as disagreeRoute, POST as agreeRoute } from "@/app/api/v1/comments/[id]/agree/route";
import { DELETE as withdrawRoute, PATCH as editRoute } from "@/app/api/v1/comments/[id]/route";
import { POST as commentRoute } from "@/app/api/v1/messages/[id]/comments/route";
import { createAccessToken, listAccessTokens, TOKENS_PER_USER_MAX } from "@/lib/auth/access-tokens";
import type { Actor } from "@/lib/auth/actor";
import { createComment } from "@/lib/comments/create-comment";
import { db } from "@/lib/db/client";
import { importMarkdown } from "../support/consultations";
import { createActor } from "../support/factories";
import { failure } from "../support/failure";

const BASE = "http://localhost:3000";
const DAY = 24 * 60 * 60 * 1000;
const EXPIRED = { code: "UNAUTHENTICATED", reason: "tokenExpired", message: "This access token has expired. Create a new one on your account page." };

async function openMessage() {
  const { id } = await importMarkdown("# Access\n\n- Community networks need spectrum.\n", { open: true });
  return db.message.findUniqueOrThrow({ where: { consultationId_number: { consultationId: id, number: "1.1" } } });
}

function request(method: string, url: string, token: string, body?: unknown) {
  return new Request(`${BASE}${url}`, {
    method,
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}

const params = <T extends object>(value: T) => ({ params: Promise.resolve(value) });

async function expire(actor: Actor, at = new Date(Date.now() - 1000)) {
  await db.personalAccessToken.updateMany({ where: { userId: actor.userId }, data: { expiresAt: at } });
}

beforeEach(async () => {
  await db.rateLimitCounter.deleteMany();
});

describe("personal access token expiry", () => {
  it("lasts 90 days unless another lifetime is chosen, and shows the date in the list", async () => {
    const actor = await createActor();
    const now = new Date("2026-03-01T12:00:00.000Z");
    const byDefault = await createAccessToken(actor, { name: "Default" }, now);
    expect(byDefault.record.expiresAt).toEqual(new Date(now.getTime() + 90 * DAY));
    const chosen = await createAccessToken(actor, { name: "Short", expiresInDays: "30" }, now);
    expect(chosen.record.expiresAt).toEqual(new Date(now.getTime() + 30 * DAY));
    const listed = await listAccessTokens(actor);
    expect(listed.map((token) => token.expiresAt).sort((a, b) => a.getTime() - b.getTime())).toEqual([chosen.record.expiresAt, byDefault.record.expiresAt]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { subjectId: chosen.record.id, action: "token.created" } });
    expect(audit.data).toMatchObject({ expiresAt: chosen.record.expiresAt.toISOString() });
  });

  it("accepts only the lifetimes offered", async () => {
    const actor = await createActor();
    for (const expiresInDays of ["7", "0", "", "never", "366", 90.5]) {
      const error = await failure(createAccessToken(actor, { name: "Odd", expiresInDays }));
      expect(error.details.fieldErrors).toEqual({ expiresInDays: "errors.tokenLifetimeInvalid" });
    }
    expect(await db.personalAccessToken.count({ where: { userId: actor.userId } })).toBe(0);
  });

  it("does not count expired tokens against the limit of active ones", async () => {
    const actor = await createActor();
    for (let i = 0; i < TOKENS_PER_USER_MAX; i++) await createAccessToken(actor, { name: `Tool ${i}` });
    expect((await failure(createAccessToken(actor, { name: "One more" }))).details.fieldErrors).toEqual({ name: "errors.tooManyTokens" });
    await expire(actor);
    await expect(createAccessToken(actor, { name: "One more" })).resolves.toHaveProperty("token");
  });

  it("refuses an expired token with 401 and says why, on every route that takes a token", async () => {
    const message = await openMessage();
    const actor = await createActor();
    const { token } = await createAccessToken(actor, { name: "Our tool" });
    const created = await commentRoute(request("POST", `/api/v1/messages/${message.id}/comments`, token, { body: "Before expiry." }), params({ id: message.id }));
    expect(created.status).toBe(201);
    const commentId = (await created.json()).id as string;
    const lastUsedBefore = (await db.personalAccessToken.findFirstOrThrow({ where: { userId: actor.userId } })).lastUsedAt;

    await expire(actor);
    const answers = [
      await commentRoute(request("POST", `/api/v1/messages/${message.id}/comments`, token, { body: "After expiry." }), params({ id: message.id })),
      // Who is asking comes first, also with a body that is unreadable or invalid.
      await commentRoute(request("POST", `/api/v1/messages/${message.id}/comments`, token, "{oops"), params({ id: message.id })),
      await commentRoute(request("POST", `/api/v1/messages/${message.id}/comments`, token, { body: "" }), params({ id: message.id })),
      await editRoute(request("PATCH", `/api/v1/comments/${commentId}`, token, { body: "Edited." }), params({ id: commentId })),
      await withdrawRoute(request("DELETE", `/api/v1/comments/${commentId}`, token), params({ id: commentId })),
      await agreeRoute(request("POST", `/api/v1/comments/${commentId}/agree`, token), params({ id: commentId })),
      await disagreeRoute(request("DELETE", `/api/v1/comments/${commentId}/agree`, token), params({ id: commentId })),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect((await answer.json()).error).toMatchObject(EXPIRED);
    }
    expect(await db.comment.count({ where: { authorId: actor.userId } })).toBe(1);
    expect((await db.comment.findUniqueOrThrow({ where: { id: commentId } })).body).toBe("Before expiry.");
    expect((await db.personalAccessToken.findFirstOrThrow({ where: { userId: actor.userId } })).lastUsedAt).toEqual(lastUsedBefore);
  });

  it("expires to the millisecond on the comment statement's path", async () => {
    const message = await openMessage();
    const actor = await createActor();
    const { token } = await createAccessToken(actor, { name: "Our tool" });
    const expiresAt = new Date(Date.now() + 60_000);
    await expire(actor, expiresAt);
    const input = { messageId: message.id, body: "Just in time." };
    await expect(createComment({ accessToken: token }, input, new Date(expiresAt.getTime() - 1))).resolves.toHaveProperty("created", true);
    const late = await failure(createComment({ accessToken: token }, { ...input, body: "Too late." }, expiresAt));
    expect(late).toMatchObject({ code: "UNAUTHENTICATED", details: { messageKey: "errors.tokenExpired" } });
  });

  it("still answers an unknown token without a reason", async () => {
    const message = await openMessage();
    const answer = await commentRoute(request("POST", `/api/v1/messages/${message.id}/comments`, "cst_unknown", { body: "x" }), params({ id: message.id }));
    expect(answer.status).toBe(401);
    const { error } = await answer.json();
    expect(error.code).toBe("UNAUTHENTICATED");
    expect(error.reason).toBeUndefined();
  });
});
