import { describe, expect, it } from "vitest";
import { GET as consultationRoute } from "@/app/api/v1/consultations/[slug]/route";
import { POST as commentRoute } from "@/app/api/v1/messages/[id]/comments/route";
import { apiActor } from "@/lib/api/authenticate";
import { createAccessToken, revokeAccessToken } from "@/lib/auth/access-tokens";
import { SESSION_ABSOLUTE_MAX_AGE_SECONDS, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/config";
import { sessionTokenHash, startSession } from "@/lib/auth/session-store";
import { requestCredential, whoIsAsking } from "@/lib/auth/who-is-asking";
import { createComment } from "@/lib/comments/create-comment";
import { db } from "@/lib/db/client";
import { importMarkdown } from "../support/consultations";
import { failure } from "../support/failure";
import { createActor } from "../support/factories";

const DAY = 24 * 60 * 60 * 1000;
const BASE = "http://localhost:3000";

async function sessionFor(userId: string, changes: { createdAt?: Date; expires?: Date } = {}) {
  const { sessionToken } = await startSession(userId);
  if (changes.createdAt || changes.expires) await db.session.update({ where: { sessionToken: sessionTokenHash(sessionToken) }, data: changes });
  return sessionToken;
}

describe("who is asking", () => {
  it("is the same person from a session cookie or an access token, with the same facts", async () => {
    const actor = await createActor();
    const { token } = await createAccessToken(actor, { name: "Tool" });
    const fromSession = await whoIsAsking({ session: await sessionFor(actor.userId) });
    const fromToken = await whoIsAsking({ accessToken: token });
    expect(fromSession).toEqual(actor);
    expect(fromToken).toEqual(actor);
  });

  it("is nobody for no credential, an unknown one, a revoked token or an ended session", async () => {
    const actor = await createActor();
    const { token, id } = await createAccessToken(actor, { name: "Tool" }).then(async (created) => ({ token: created.token, id: (await db.personalAccessToken.findFirstOrThrow({ where: { userId: actor.userId } })).id }));
    await revokeAccessToken(actor, { id });
    expect(await whoIsAsking(null)).toBeNull();
    expect(await whoIsAsking({ session: "not-a-session" })).toBeNull();
    expect(await whoIsAsking({ accessToken: "cst_unknown" })).toBeNull();
    expect(await whoIsAsking({ accessToken: "no-prefix" })).toBeNull();
    expect(await whoIsAsking({ accessToken: token })).toBeNull();
    const idle = await sessionFor(actor.userId, { expires: new Date(Date.now() - 1000) });
    const tooOld = await sessionFor(actor.userId, { createdAt: new Date(Date.now() - SESSION_ABSOLUTE_MAX_AGE_SECONDS * 1000 - 1000) });
    expect(await whoIsAsking({ session: idle })).toBeNull();
    expect(await whoIsAsking({ session: tooOld })).toBeNull();
  });

  it("says that a token has expired, rather than that it is unknown", async () => {
    const actor = await createActor();
    const { token } = await createAccessToken(actor, { name: "Tool", expiresInDays: 30 });
    const expired = await failure(whoIsAsking({ accessToken: token }, new Date(Date.now() + 31 * DAY)));
    expect(expired.code).toBe("UNAUTHENTICATED");
    expect(expired.details).toMatchObject({ messageKey: "errors.tokenExpired" });
  });

  it("keeps an active session alive at most once a day, never past its absolute end", async () => {
    const actor = await createActor();
    const stored = (token: string) => db.session.findUniqueOrThrow({ where: { sessionToken: sessionTokenHash(token) } });
    // Used with a day of its idle time gone: pushed back to a full idle lifetime.
    const active = await sessionFor(actor.userId, { expires: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000 - DAY - 60_000) });
    await whoIsAsking({ session: active });
    expect((await stored(active)).expires.getTime()).toBeGreaterThan(Date.now() + SESSION_MAX_AGE_SECONDS * 1000 - 60_000);
    // Used again at once: no write (at most daily).
    const once = (await stored(active)).expires;
    await whoIsAsking({ session: active });
    expect((await stored(active)).expires).toEqual(once);
    // Near its absolute end: never pushed past it.
    const startedAt = new Date(Date.now() - SESSION_ABSOLUTE_MAX_AGE_SECONDS * 1000 + 3 * DAY);
    const old = await sessionFor(actor.userId, { createdAt: startedAt, expires: new Date(Date.now() + DAY) });
    await whoIsAsking({ session: old });
    expect((await stored(old)).expires.getTime()).toBe(startedAt.getTime() + SESSION_ABSOLUTE_MAX_AGE_SECONDS * 1000);
  });

  it("reads the credential a request carries: a bearer token first, else the session cookie; another scheme is refused", () => {
    const headers = (values: Record<string, string>) => new Headers(values);
    expect(requestCredential(headers({ authorization: "Bearer cst_abc", cookie: "next-auth.session-token=s1" }))).toEqual({ accessToken: "cst_abc" });
    expect(requestCredential(headers({ cookie: "a=b; next-auth.session-token=s1=x; c=d" }))).toEqual({ session: "s1=x" });
    expect(requestCredential(headers({ cookie: "__Secure-next-auth.session-token=s2" }))).toEqual({ session: "s2" });
    expect(requestCredential(headers({}))).toBeNull();
    expect(() => requestCredential(headers({ authorization: "Basic dXNlcjpwYXNz" }))).toThrow("UNAUTHENTICATED");
  });
});

describe("the API with the browser session", () => {
  it("files a comment with the session cookie from this site's pages, and refuses another site's page (CSRF)", async () => {
    const { slug, id } = await importMarkdown("# Access\n\n- Community networks need spectrum.\n", { open: true });
    const messageId = (await db.message.findFirstOrThrow({ where: { consultationId: id } })).id;
    const actor = await createActor();
    const cookie = `next-auth.session-token=${await sessionFor(actor.userId)}`;
    const post = (origin: string) =>
      commentRoute(
        new Request(`${BASE}/api/v1/messages/${messageId}/comments`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie, origin },
          body: JSON.stringify({ body: "From the page." }),
        }),
        { params: Promise.resolve({ id: messageId }) },
      );
    const ours = await post(BASE);
    expect(ours.status).toBe(201);
    expect((await ours.json()).author.name).toBe(actor.name);
    expect((await post("https://evil.example")).status).toBe(403);
    // Reading needs no credential at all.
    expect((await consultationRoute(new Request(`${BASE}/api/v1/consultations/${slug}`), { params: Promise.resolve({ slug }) })).status).toBe(200);
    expect(await apiActor(new Request(`${BASE}/api/v1/x`, { headers: { cookie } }))).toEqual(actor);
  });

  it("writes a form's comment through the session credential, with the same guards as a token", async () => {
    const { id } = await importMarkdown("# Access\n\n- Community networks need spectrum.\n", { open: true });
    const messageId = (await db.message.findFirstOrThrow({ where: { consultationId: id } })).id;
    const author = await createActor();
    const suspended = await createActor({ suspended: true });
    const { comment, created } = await createComment({ session: await sessionFor(author.userId) }, { messageId, body: "Through the form." });
    expect(created).toBe(true);
    expect(comment.authorId).toBe(author.userId);
    expect((await failure(createComment({ session: await sessionFor(suspended.userId) }, { messageId, body: "x" }))).code).toBe("SUSPENDED");
    expect((await failure(createComment({ session: "ended" }, { messageId, body: "" }))).code).toBe("UNAUTHENTICATED");
  });
});
