import { beforeEach, expect, it } from "vitest";
import { GET as commentEvidenceRoute } from "@/app/api/v1/comments/[id]/evidence/route";
import { POST as flagRoute } from "@/app/api/v1/comments/[id]/flag/route";
import { GET as annotationsRoute } from "@/app/api/v1/consultations/[slug]/annotations/route";
import { GET as commentsRoute } from "@/app/api/v1/consultations/[slug]/comments/route";
import { GET as reportRoute } from "@/app/api/v1/moderation/report/route";
import { GET as userEvidenceRoute } from "@/app/api/v1/users/[id]/evidence/route";
import { createAccessToken } from "@/lib/auth/access-tokens";
import { createComment } from "@/lib/comments/create-comment";
import { db } from "@/lib/db/client";
import { hideComment } from "@/lib/moderation/decisions";
import { importMarkdown } from "../support/consultations";
import { createActor } from "../support/factories";

const BASE = "http://localhost:3000";
const params = <T extends object>(value: T) => ({ params: Promise.resolve(value) });

function request(method: string, url: string, options: { token?: string; body?: unknown } = {}) {
  return new Request(`${BASE}${url}`, {
    method,
    headers: { "content-type": "application/json", ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
}

beforeEach(async () => {
  await db.rateLimitCounter.deleteMany();
});

it("flags through the API, reports publicly without personal data, and gives evidence only to the secretariat", async () => {
  const { id, slug } = await importMarkdown("# Trust\n\n- Trust is built on transparency.\n", { open: true });
  const message = await db.message.findFirstOrThrow({ where: { consultationId: id } });
  const author = await createActor();
  const { comment } = await createComment(author, { messageId: message.id, body: "Visit example.test for cheap watches." });
  const reader = await createActor();
  const { token: readerToken } = await createAccessToken(reader, { name: "Reader's tool" });
  const moderator = await createActor({ role: "SECRETARIAT" });
  const { token: moderatorToken } = await createAccessToken(moderator, { name: "Evidence" });

  const flagged = await flagRoute(request("POST", `/api/v1/comments/${comment.id}/flag`, { token: readerToken, body: { reason: "SPAM" } }), params({ id: comment.id }));
  expect(flagged.status).toBe(201);
  expect(await flagged.json()).toEqual({ flagged: true, hidden: false });
  const again = await flagRoute(request("POST", `/api/v1/comments/${comment.id}/flag`, { token: readerToken, body: { reason: "SPAM" } }), params({ id: comment.id }));
  expect(again.status).toBe(409);
  expect((await again.json()).error).toMatchObject({ code: "CONFLICT" });
  const badReason = await flagRoute(request("POST", `/api/v1/comments/${comment.id}/flag`, { token: readerToken, body: { reason: "rude" } }), params({ id: comment.id }));
  expect(badReason.status).toBe(422);
  expect((await badReason.json()).error.fields.reason.code).toBe("flagReasonRequired");

  const report = await reportRoute(request("GET", `/api/v1/moderation/report?consultation=${slug}`));
  expect(report.status).toBe(200);
  const figures = await report.json();
  expect(figures.flags).toMatchObject({ received: 1, byReason: [{ reason: "SPAM", count: 1 }], open: 1 });
  expect(JSON.stringify(figures)).not.toMatch(/example\.test|@|Participant/);
  expect((await reportRoute(request("GET", "/api/v1/moderation/report?from=soon"))).status).toBe(422);

  expect((await commentEvidenceRoute(request("GET", `/api/v1/comments/${comment.id}/evidence`, { token: readerToken }), params({ id: comment.id }))).status).toBe(403);
  expect((await commentEvidenceRoute(request("GET", `/api/v1/comments/${comment.id}/evidence`), params({ id: comment.id }))).status).toBe(401);
  const evidence = await commentEvidenceRoute(request("GET", `/api/v1/comments/${comment.id}/evidence`, { token: moderatorToken }), params({ id: comment.id }));
  expect(evidence.status).toBe(200);
  expect((await evidence.json()).comment.flags[0]).toMatchObject({ reason: "SPAM", bodySnapshot: "Visit example.test for cheap watches." });
  const person = await userEvidenceRoute(request("GET", `/api/v1/users/${author.userId}/evidence`, { token: moderatorToken }), params({ id: author.userId }));
  expect((await person.json()).user.comments).toHaveLength(1);
});

it("lists a hidden comment in the public export without its text, saying why, and keeps it out of the W3C annotations", async () => {
  const { id, slug } = await importMarkdown("# Trust\n\n- Trust is built on transparency.\n", { open: true });
  const message = await db.message.findFirstOrThrow({ where: { consultationId: id } });
  const author = await createActor();
  const { comment } = await createComment(author, { messageId: message.id, body: "Call 555-0100 to reach her.", quote: "transparency" });
  const moderator = await createActor({ role: "SECRETARIAT" });
  const annotations = async () => (await (await annotationsRoute(request("GET", `/api/v1/consultations/${slug}/annotations`), params({ slug }))).json()).total;
  expect(await annotations()).toBe(1);

  await hideComment(moderator, { commentId: comment.id, reason: "PERSONAL_DATA", publicNote: "Gave someone's phone number." });
  const listed = (await (await commentsRoute(request("GET", `/api/v1/consultations/${slug}/comments`), params({ slug }))).json()).data;
  expect(listed).toEqual([
    expect.objectContaining({
      id: comment.id,
      status: "hidden",
      body: null,
      moderation: { state: "hidden", reason: "PERSONAL_DATA", note: "Gave someone's phone number.", at: expect.any(String) },
    }),
  ]);
  expect(await annotations()).toBe(0);
});
