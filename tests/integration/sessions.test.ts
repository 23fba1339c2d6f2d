import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SESSION_ABSOLUTE_MAX_AGE_SECONDS } from "@/lib/auth/config";
import { listOwnSessions, signOutEverywhere, signOutEverywhereElse } from "@/lib/auth/own-sessions";
import { authOptions } from "@/lib/auth/options";
import { sessionTokenHash, startSession } from "@/lib/auth/session-store";
import { requestSignIn, signInWithCode } from "@/lib/auth/sign-in";
import { db } from "@/lib/db/client";
import { sql } from "@/lib/db/sql";
import { createActor, uniqueEmail } from "../support/factories";
import { failure } from "../support/failure";
import { callNextAuth } from "../support/next-auth";

const DAY = 24 * 60 * 60 * 1000;
const adapter = authOptions.adapter!;

/** The person next-auth finds for this cookie (what getServerSession does on every page). */
async function signedInAs(sessionToken: string) {
  const answer = await callNextAuth(["session"], { sessionToken });
  return (answer.body as { user?: { id?: string } }).user?.id ?? null;
}

describe("session lifetime", () => {
  it("ends a session 30 days after it began, even one used a minute ago", async () => {
    const actor = await createActor();
    const old = await startSession(actor.userId);
    const young = await startSession(actor.userId);
    const recentlyActive = new Date(Date.now() + 30 * DAY - 60_000);
    await db.session.update({
      where: { sessionToken: sessionTokenHash(old.sessionToken) },
      data: { createdAt: new Date(Date.now() - SESSION_ABSOLUTE_MAX_AGE_SECONDS * 1000 - 60_000), expires: recentlyActive },
    });
    await db.session.update({
      where: { sessionToken: sessionTokenHash(young.sessionToken) },
      data: { createdAt: new Date(Date.now() - SESSION_ABSOLUTE_MAX_AGE_SECONDS * 1000 + 60_000), expires: recentlyActive },
    });

    expect(await signedInAs(old.sessionToken)).toBeNull();
    expect(await db.session.count({ where: { sessionToken: sessionTokenHash(old.sessionToken) } })).toBe(0);
    expect(await signedInAs(young.sessionToken)).toBe(actor.userId);
  });

  it("keeps next-auth's idle end, and never pushes it past the absolute end", async () => {
    const actor = await createActor();
    const session = await startSession(actor.userId);
    const began = new Date(Date.now() - 25 * DAY);
    await db.session.update({ where: { sessionToken: sessionTokenHash(session.sessionToken) }, data: { createdAt: began, expires: new Date(Date.now() - 1000) } });
    // Idle past its end: refused, as next-auth always did.
    expect(await signedInAs(session.sessionToken)).toBeNull();

    const used = await startSession(actor.userId);
    await db.session.update({ where: { sessionToken: sessionTokenHash(used.sessionToken) }, data: { createdAt: began, expires: new Date(Date.now() + 2 * DAY) } });
    // Due for next-auth's daily extension: it asks for a full idle lifetime, the session keeps its absolute end.
    expect(await signedInAs(used.sessionToken)).toBe(actor.userId);
    const extended = await db.session.findUniqueOrThrow({ where: { sessionToken: sessionTokenHash(used.sessionToken) } });
    expect(extended.expires.getTime()).toBe(began.getTime() + SESSION_ABSOLUTE_MAX_AGE_SECONDS * 1000);
  });
});

describe("session tokens at rest", () => {
  it("stores only the SHA-256 of the cookie's token, for the code's sign-in and next-auth's (the link's) alike", async () => {
    const email = uniqueEmail();
    await requestSignIn({ email }, { ip: null, locale: "en" });
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
    const code = /code on the sign-in page: (\d{3} \d{3})/.exec(mail.text)![1]!;
    const { sessionToken: fromCode } = await signInWithCode({ email, code }, { ip: null });

    const user = await db.user.findUniqueOrThrow({ where: { email } });
    const fromAdapter = await adapter.createSession!({ sessionToken: "next-auth-made-this-token", userId: user.id, expires: new Date(Date.now() + DAY) });
    expect(fromAdapter.sessionToken).toBe("next-auth-made-this-token");

    for (const cookie of [fromCode, "next-auth-made-this-token"]) {
      const [plain] = await sql()<{ count: number }[]>`select count(*)::int as count from "Session" where "sessionToken" = ${cookie}`;
      expect(plain!.count).toBe(0);
      const hashed = createHash("sha256").update(cookie).digest("hex");
      expect(await db.session.count({ where: { sessionToken: hashed, userId: user.id } })).toBe(1);
      expect(await signedInAs(cookie)).toBe(user.id);
    }
    // Nor can the stored value be used as a cookie.
    expect(await signedInAs(sessionTokenHash(fromCode))).toBeNull();

    await adapter.deleteSession!("next-auth-made-this-token");
    expect(await signedInAs("next-auth-made-this-token")).toBeNull();
  });
});

describe("your sessions", () => {
  async function personWithSessions(count: number) {
    const actor = await createActor();
    const sessions = [];
    for (let i = 0; i < count; i++) sessions.push(await startSession(actor.userId));
    return { actor, tokens: sessions.map((session) => session.sessionToken) };
  }

  it("lists the person's running sessions and marks this one", async () => {
    const { actor, tokens } = await personWithSessions(3);
    await personWithSessions(1);
    await db.session.update({ where: { sessionToken: sessionTokenHash(tokens[2]!) }, data: { expires: new Date(Date.now() - 1000) } });
    const listed = await listOwnSessions(actor, tokens[0]!);
    expect(listed).toHaveLength(2);
    expect(listed.filter((session) => session.current)).toHaveLength(1);
    const current = listed.find((session) => session.current)!;
    expect(current.id).toBe((await db.session.findUniqueOrThrow({ where: { sessionToken: sessionTokenHash(tokens[0]!) } })).id);
    expect(current.endsAt.getTime()).toBeLessThanOrEqual(current.createdAt.getTime() + SESSION_ABSOLUTE_MAX_AGE_SECONDS * 1000);
    expect((await failure(listOwnSessions(null, null))).code).toBe("UNAUTHENTICATED");
  });

  it("signs out everywhere else, keeping this session", async () => {
    const { actor, tokens } = await personWithSessions(3);
    const other = await personWithSessions(2);
    expect(await signOutEverywhereElse(actor, tokens[1]!)).toBe(2);
    expect(await signedInAs(tokens[1]!)).toBe(actor.userId);
    expect(await signedInAs(tokens[0]!)).toBeNull();
    expect(await signedInAs(tokens[2]!)).toBeNull();
    expect(await db.session.count({ where: { userId: other.actor.userId } })).toBe(2);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { subjectId: actor.userId, action: "user.signed_out_elsewhere" } });
    expect(audit.data).toEqual({ sessionsEnded: 2 });
  });

  it("signs out everywhere, this session included, and no one else", async () => {
    const { actor, tokens } = await personWithSessions(2);
    const other = await personWithSessions(2);
    expect(await signOutEverywhere(actor)).toBe(2);
    for (const token of tokens) expect(await signedInAs(token)).toBeNull();
    expect(await db.session.count({ where: { userId: actor.userId } })).toBe(0);
    for (const token of other.tokens) expect(await signedInAs(token)).toBe(other.actor.userId);
    expect(await db.auditEvent.count({ where: { subjectId: actor.userId, action: "user.signed_out_everywhere" } })).toBe(1);
    expect((await failure(signOutEverywhere(null))).code).toBe("UNAUTHENTICATED");
  });
});
