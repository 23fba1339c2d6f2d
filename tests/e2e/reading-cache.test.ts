import { describe, expect, inject, it } from "vitest";
import { baseUrl, sql } from "./support/browser";

// The lib/ helpers below reach the app's database through DATABASE_URL.
process.env.DATABASE_URL = inject("e2eDatabaseUrl");

/**
 * The public pages a reader who is not signed in gets come from Next.js's
 * cache (lib/http/page-route.ts, lib/cache/public-pages.ts). Whatever changes
 * behind a page, through the API, another process's work or the clock, shows
 * on it within 5 seconds, and a consultation's deadline to the second.
 */
const FRESH_WITHIN_MS = 5_000;

async function read(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${baseUrl()}${path}`, { headers });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** How long until the page (as a reader who is not signed in sees it) satisfies `test`; fails after the freshness bound. */
async function freshWithin(path: string, test: (page: string) => boolean, withinMs = FRESH_WITHIN_MS) {
  const started = Date.now();
  for (;;) {
    if (test((await read(path)).text)) return Date.now() - started;
    if (Date.now() - started > withinMs) throw new Error(`${path} did not show the change within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

async function openConsultation(markdown: string) {
  const { importMarkdown } = await import("../support/consultations");
  const { slug, id } = await importMarkdown(markdown, { open: true });
  const [message] = await sql<{ id: string; number: string }>(`select id, number from "Message" where "consultationId" = $1 order by position limit 1`, [id]);
  return { slug, id, message: message! };
}

async function participantToken() {
  const { createAccessToken } = await import("@/lib/auth/access-tokens");
  const { createActor } = await import("../support/factories");
  const actor = await createActor();
  return { actor, token: (await createAccessToken(actor, { name: "Reading cache" })).token };
}

describe("the public pages' cache", () => {
  it("serves a reader who is not signed in the same cached document, its scripts allowed by hash, and a signed-in reader their own page", async () => {
    const { slug } = await openConsultation("# Cache\n\n- Readers come in thousands on the last day.\n");
    const path = `/consultations/${slug}`;
    await read(path);
    const cached = await read(path, { "accept-encoding": "gzip" });
    expect(cached.status).toBe(200);
    expect(cached.headers.get("x-nextjs-cache")).toMatch(/HIT|STALE/);
    expect(cached.headers.get("content-security-policy")).toMatch(/script-src 'self' 'sha256-/);
    expect(cached.headers.get("content-security-policy")).not.toContain("nonce");
    expect(cached.text).not.toMatch(/nonce=/);
    const again = await read(path, { "if-none-match": cached.headers.get("etag")! });
    expect(again.status).toBe(304);

    const api = `/api/v1/consultations/${slug}`;
    await read(api);
    const json = await read(api);
    expect(json.headers.get("x-nextjs-cache")).toMatch(/HIT|STALE/);
    expect(JSON.parse(json.text)).toMatchObject({ slug });

    const chinese = await read(path, { "accept-language": "zh-CN,zh;q=0.9" });
    expect(chinese.text).toContain('lang="zh"');

    const { startSession } = await import("@/lib/auth/session-store");
    const { actor } = await participantToken();
    const session = await startSession(actor.userId);
    const signedIn = await read(path, { cookie: `next-auth.session-token=${session.sessionToken}` });
    expect(signedIn.headers.get("x-nextjs-cache")).toBeNull();
    expect(signedIn.headers.get("content-security-policy")).toMatch(/'nonce-/);
    expect(signedIn.text).toContain("Sign out");
    expect(cached.text).not.toContain("Sign out");
  });

  it("shows a comment, its edit and its withdrawal through the API on the message and consultation pages within 5 s", async () => {
    const { slug, message } = await openConsultation("# Comments\n\n- Community networks need spectrum.\n");
    const messagePath = `/consultations/${slug}/messages/${message.number}`;
    await read(messagePath);
    await read(`/consultations/${slug}`);
    const { token } = await participantToken();
    const api = (method: string, path: string, body?: object) =>
      fetch(`${baseUrl()}${path}`, { method, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: body ? JSON.stringify(body) : undefined }).then(async (response) => {
        expect(response.ok, `${method} ${path}: ${response.status}`).toBe(true);
        return response.json() as Promise<{ id: string }>;
      });
    const posted = await api("POST", `/api/v1/messages/${message.id}/comments`, { body: "Spectrum for community networks, cached." });
    await freshWithin(messagePath, (page) => page.includes("Spectrum for community networks, cached."));
    await freshWithin(`/consultations/${slug}`, (page) => /1 comment\b/.test(page));
    await api("PATCH", `/api/v1/comments/${posted.id}`, { body: "Spectrum for community networks, edited." });
    await freshWithin(messagePath, (page) => page.includes("Spectrum for community networks, edited."));
    await api("DELETE", `/api/v1/comments/${posted.id}`);
    await freshWithin(messagePath, (page) => !page.includes("Spectrum for community networks, edited."));
  });

  it("shows changes another process announces within 5 s: a revised text, a hidden comment, an unpublished consultation", async () => {
    // This test's process stands for another instance, where the secretariat works: its actions announce their changes so.
    const { announcePublicChange } = await import("@/lib/cache/change-feed");
    const { editMessageText } = await import("@/lib/consultations/edit-structure");
    const { hideComment } = await import("@/lib/moderation/decisions");
    const { createActor } = await import("../support/factories");
    const { slug, id, message } = await openConsultation("# Secretariat\n\n- The first wording of the message.\n");
    const messagePath = `/consultations/${slug}/messages/${message.number}`;
    const { token } = await participantToken();
    const response = await fetch(`${baseUrl()}/api/v1/messages/${message.id}/comments`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ body: "An abusive comment to be hidden." }),
    });
    const comment = (await response.json()) as { id: string };
    await freshWithin(messagePath, (page) => page.includes("An abusive comment to be hidden."));

    const secretariat = await createActor({ role: "SECRETARIAT" });
    await editMessageText(secretariat, { messageId: message.id, text: "The second wording of the message." });
    announcePublicChange("content");
    await freshWithin(messagePath, (page) => page.includes("The second wording of the message."));
    await freshWithin(`/consultations/${slug}`, (page) => page.includes("The second wording of the message."));
    await freshWithin(`/api/v1/consultations/${slug}`, (body) => body.includes("The second wording of the message."));

    await hideComment(secretariat, { commentId: comment.id, reason: "HARASSMENT_OR_HATE", publicNote: "Insults another participant." });
    announcePublicChange("content");
    await freshWithin(messagePath, (page) => !page.includes("An abusive comment to be hidden.") && page.includes("Insults another participant."));

    await sql(`update "Consultation" set "publishedAt" = null where id = $1`, [id]);
    announcePublicChange("content");
    await freshWithin(`/consultations/${slug}`, (page) => !page.includes("The second wording of the message."));
    expect((await read(`/consultations/${slug}`)).status).toBe(404);
  });

  it("closes a consultation on its pages at its deadline: no page shows it open a second later", async () => {
    const { slug, id } = await openConsultation("# Deadline\n\n- The last hour brings most of the comments.\n");
    const closesAt = new Date(Date.now() + 8_000);
    await sql(`update "Consultation" set "closesAt" = $2 where id = $1`, [id, closesAt]);
    const path = `/consultations/${slug}`;
    // Cached while open (and the process has seen the deadline coming).
    await freshWithin(path, (page) => page.includes("Open for comment"));
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, closesAt.getTime() - Date.now() - 1_500)));
    expect((await read(path)).text).toContain("Open for comment");
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, closesAt.getTime() + 1_100 - Date.now())));
    const consultationPage = (await read(path)).text;
    expect(consultationPage).not.toContain("Open for comment");
    expect(consultationPage).toContain("Closed");
    const home = (await read("/")).text;
    expect(home.indexOf(`/consultations/${slug}"`)).toBeGreaterThan(home.indexOf('id="group-CLOSED"'));
    expect(home.indexOf('id="group-CLOSED"')).toBeGreaterThan(-1);
  });
});
