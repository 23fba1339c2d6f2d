import { beforeEach, describe, expect, it } from "vitest";
import { GET as annotationRoute } from "@/app/api/v1/annotations/[id]/route";
import { GET as consultationsRoute } from "@/app/api/v1/consultations/route";
import { GET as consultationRoute } from "@/app/api/v1/consultations/[slug]/route";
import { GET as annotationsRoute } from "@/app/api/v1/consultations/[slug]/annotations/route";
import { GET as commentsRoute } from "@/app/api/v1/consultations/[slug]/comments/route";
import { POST as agreeRoute } from "@/app/api/v1/comments/[id]/agree/route";
import { PATCH as editRoute } from "@/app/api/v1/comments/[id]/route";
import { POST as commentRoute } from "@/app/api/v1/messages/[id]/comments/route";
import { formError } from "@/lib/actions/form-state";
import { createAccessToken } from "@/lib/auth/access-tokens";
import { createComment } from "@/lib/comments/create-comment";
import { editMessageText, updateSection } from "@/lib/consultations/edit-structure";
import { getConsultation, getMessage } from "@/lib/consultations/get-consultation";
import { getConsultationForSecretariat } from "@/lib/consultations/manage";
import { searchConsultation } from "@/lib/consultations/search";
import { db } from "@/lib/db/client";
import { profileFormValues } from "@/lib/profiles/schemas";
import { saveProfile } from "@/lib/profiles/save-profile";
import { importMarkdown, SMALL_DRAFT } from "../support/consultations";
import { failure } from "../support/failure";
import { createActor } from "../support/factories";

const BASE = "http://localhost:3000";
const NUL = "\u0000";
const params = <T extends object>(value: T) => ({ params: Promise.resolve(value) });

function apiRequest(method: string, path: string, options: { token?: string; json?: string } = {}) {
  return new Request(`${BASE}${path}`, {
    method,
    headers: { "content-type": "application/json", ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
    body: options.json,
  });
}

/** Form data as the profile form sends it. */
function profileForm(fields: Record<string, string>) {
  const form = new FormData();
  const all = { stakeholderGroup: "CIVIL_SOCIETY", region: "AFRICA", country: "KE", preferredLanguage: "en", acceptCodeOfConduct: "on", ...fields };
  for (const [key, value] of Object.entries(all)) form.set(key, value);
  return form;
}

async function openMessage() {
  const { id, slug } = await importMarkdown(SMALL_DRAFT, { open: true });
  const message = await db.message.findUniqueOrThrow({ where: { consultationId_number: { consultationId: id, number: "1.1" } } });
  const actor = await createActor();
  const { token } = await createAccessToken(actor, { name: "Our tool" });
  return { consultationId: id, slug, messageId: message.id, actor, token };
}

beforeEach(async () => {
  await db.rateLimitCounter.deleteMany();
});

describe("names cannot pose as someone else", () => {
  it("refuses direction controls in a display name and keeps what was typed in the form", async () => {
    const actor = await createActor({ profile: false });
    for (const name of ["\u202EtairaterceS FGI", "IGF \u2066Secretariat\u2069", "Ada\u200FLovelace"]) {
      const values = profileFormValues(profileForm({ name }));
      const state = formError(await failure(saveProfile(actor, values)), values);
      expect(state).toMatchObject({ status: "error", code: "VALIDATION", fieldErrors: { name: "errors.nameHasDirectionControl" }, values: { name } });
    }
    expect(await db.stakeholderProfile.findUnique({ where: { userId: actor.userId } })).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: actor.userId } })).name).toBeNull();
  });

  it("refuses them in an organisation, and invisible characters in both", async () => {
    const actor = await createActor({ profile: false });
    const organisation = await failure(saveProfile(actor, profileFormValues(profileForm({ name: "Ada", organisation: "\u202BIGF\u202C" }))));
    expect(organisation.details.fieldErrors).toEqual({ organisation: "errors.nameHasDirectionControl" });
    const hidden = await failure(saveProfile(actor, profileFormValues(profileForm({ name: "Ada\u200BLovelace" }))));
    expect(hidden.details.fieldErrors).toEqual({ name: "errors.nameHasInvisibleCharacter" });
  });

  it("refuses a name of zero-width characters only, with a message of its own", async () => {
    const actor = await createActor({ profile: false });
    const values = profileFormValues(profileForm({ name: "\u200B\u200B\u200D\uFEFF" }));
    const state = formError(await failure(saveProfile(actor, values)), values);
    expect(state).toMatchObject({ fieldErrors: { name: "errors.textNotVisible" }, values: { name: "\u200B\u200B\u200D\uFEFF" } });
  });

  it("still accepts names in right-to-left scripts and with the joiners they need", async () => {
    const actor = await createActor({ profile: false });
    await saveProfile(actor, profileFormValues(profileForm({ name: "محمد\u200Cرضا", organisation: "جامعة القاهرة" })));
    expect((await db.user.findUniqueOrThrow({ where: { id: actor.userId } })).name).toBe("محمد\u200Cرضا");
  });

  it("applies the same rule to access token names", async () => {
    const actor = await createActor();
    const error = await failure(createAccessToken(actor, { name: "\u202Eloot" }));
    expect(error.details.fieldErrors).toEqual({ name: "errors.nameHasDirectionControl" });
  });
});

describe("text PostgreSQL cannot store is refused, never a 500", () => {
  it("refuses NUL and a lone surrogate in a comment body, by form and by API", async () => {
    const { messageId, actor, token } = await openMessage();
    const nul = await failure(createComment(actor, { messageId, body: `Fine${NUL}text` }));
    expect(nul).toMatchObject({ code: "VALIDATION", status: 422, details: { fieldErrors: { body: "errors.textHasNul" } } });

    const url = `/api/v1/messages/${messageId}/comments`;
    // JSON escapes: what a client sends on the wire.
    const viaApi = await commentRoute(apiRequest("POST", url, { token, json: '{"body":"Fine\\u0000text"}' }), params({ id: messageId }));
    expect(viaApi.status).toBe(422);
    expect((await viaApi.json()).error.fields.body).toMatchObject({ code: "textHasNul", message: expect.stringContaining("U+0000") });
    const lone = await commentRoute(apiRequest("POST", url, { token, json: '{"body":"broken \\ud800 half"}' }), params({ id: messageId }));
    expect(lone.status).toBe(422);
    expect((await lone.json()).error.fields.body.code).toBe("textHasBrokenCharacter");
    const inReply = await commentRoute(apiRequest("POST", url, { token, json: '{"body":"ok","parentId":"x\\u0000"}' }), params({ id: messageId }));
    expect(inReply.status).toBe(422);
    expect(await db.comment.count({ where: { authorId: actor.userId } })).toBe(0);
  });

  it("answers a NUL in an API path id with a 4xx", async () => {
    const { messageId, token } = await openMessage();
    const created = await (await commentRoute(apiRequest("POST", `/api/v1/messages/${messageId}/comments`, { token, json: '{"body":"First."}' }), params({ id: messageId }))).json();

    const onMessage = await commentRoute(apiRequest("POST", "/api/v1/messages/%00/comments", { token, json: '{"body":"x"}' }), params({ id: NUL }));
    expect(onMessage.status).toBe(422);
    expect((await onMessage.json()).error.fields.messageId.code).toBe("textHasNul");
    const edit = await editRoute(apiRequest("PATCH", `/api/v1/comments/${created.id}%00`, { token, json: '{"body":"x"}' }), params({ id: `${created.id}${NUL}` }));
    expect(edit.status).toBe(422);
    const agree = await agreeRoute(apiRequest("POST", "/api/v1/comments/%00/agree", { token }), params({ id: NUL }));
    expect(agree.status).toBe(422);
    const annotation = await annotationRoute(new Request(`${BASE}/api/v1/annotations/%00`), params({ id: NUL }));
    expect(annotation.status).toBe(404);
  });

  it("answers a NUL in a cursor with 422", async () => {
    const { slug } = await openMessage();
    const list = await consultationsRoute(new Request(`${BASE}/api/v1/consultations?cursor=%00`));
    expect(list.status).toBe(422);
    expect((await list.json()).error.fields.cursor.code).toBe("textHasNul");
    const comments = await commentsRoute(new Request(`${BASE}/api/v1/consultations/${slug}/comments?cursor=abc%00`), params({ slug }));
    expect(comments.status).toBe(422);
  });

  it("answers a NUL in a slug or message number as not found", async () => {
    const { slug } = await openMessage();
    const secretariat = await createActor({ role: "SECRETARIAT" });
    for (const route of [consultationRoute, annotationsRoute, commentsRoute]) {
      expect((await route(new Request(`${BASE}/api/v1/consultations/%00`), params({ slug: NUL }))).status).toBe(404);
    }
    expect(await getConsultation(null, `${slug}${NUL}`)).toBeNull();
    expect(await getMessage(null, slug, `1.1${NUL}`)).toBeNull();
    expect(await getConsultationForSecretariat(secretariat, NUL)).toBeNull();
    expect(await searchConsultation(null, NUL, "trust")).toBeNull();
  });

  it("refuses a NUL in a search query with the message, searching nothing", async () => {
    const { slug } = await openMessage();
    expect(await searchConsultation(null, slug, `trust${NUL}`)).toMatchObject({ refused: "errors.textHasNul", terms: [], hits: [] });
    expect(await searchConsultation(null, slug, "\uD800trust")).toMatchObject({ refused: "errors.textHasBrokenCharacter", hits: [] });
    expect((await searchConsultation(null, slug, "trust"))?.hits.length).toBeGreaterThan(0);
  });

  it("refuses NUL in the secretariat's editing", async () => {
    const secretariat = await createActor({ role: "SECRETARIAT" });
    const { id } = await importMarkdown(SMALL_DRAFT);
    const message = await db.message.findUniqueOrThrow({ where: { consultationId_number: { consultationId: id, number: "1.1" } } });
    const text = await failure(editMessageText(secretariat, { messageId: message.id, text: `New${NUL}text` }));
    expect(text.details.fieldErrors).toEqual({ text: "errors.textHasNul" });
    const byId = await failure(editMessageText(secretariat, { messageId: NUL, text: "New text" }));
    expect(byId.details.fieldErrors).toEqual({ messageId: "errors.textHasNul" });
    const section = await db.section.findFirstOrThrow({ where: { consultationId: id } });
    const heading = await failure(updateSection(secretariat, { sectionId: section.id, heading: "\u200B", introduction: "" }));
    expect(heading.details.fieldErrors).toEqual({ heading: "errors.textNotVisible" });
  });
});
