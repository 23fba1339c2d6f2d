import { describe, expect, it } from "vitest";
import { POST as importRoute } from "@/app/[locale]/(site)/admin/import/upload/route";
import { POST as nextAuthPost } from "@/app/api/auth/[...nextauth]/route";
import { DELETE as disagreeRoute, POST as agreeRoute } from "@/app/api/v1/comments/[id]/agree/route";
import { DELETE as withdrawRoute, PATCH as editRoute } from "@/app/api/v1/comments/[id]/route";
import { POST as commentRoute } from "@/app/api/v1/messages/[id]/comments/route";
import { API_BODY_MAX_BYTES } from "@/lib/api/read-json";
import { createAccessToken } from "@/lib/auth/access-tokens";
import { IMPORT_REQUEST_MAX_BYTES } from "@/lib/consultations/import-request";
import { db } from "@/lib/db/client";
import { buildDocx } from "../unit/import/build-docx";
import { docxBomb } from "../unit/import/zip-bomb";
import { importMarkdown, uniqueSlug } from "../support/consultations";
import { createActor } from "../support/factories";

const BASE = "http://localhost:3000";
const CHUNK = 16 * 1024;
const params = <T extends object>(value: T) => ({ params: Promise.resolve(value) });

/**
 * A request whose body is an endless stream of 16 KB chunks, counting how many
 * were read (none are made before a read asks). With `declared`, it also says
 * that many bytes in Content-Length.
 */
function endlessRequest(method: string, path: string, headers: Record<string, string>, declared?: number) {
  const counter = { chunksRead: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        counter.chunksRead += 1;
        controller.enqueue(new Uint8Array(CHUNK).fill(0x20));
      },
      cancel() {
        counter.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  const allHeaders = { "content-type": "application/json", ...headers, ...(declared === undefined ? {} : { "content-length": String(declared) }) };
  const request = new Request(`${BASE}${path}`, { method, headers: allHeaders, body, duplex: "half" } as RequestInit);
  return { request, counter };
}

async function setup() {
  const { id } = await importMarkdown("# Access\n\n- Community networks need spectrum.\n", { open: true });
  const message = await db.message.findFirstOrThrow({ where: { consultationId: id } });
  const actor = await createActor();
  const { token, record } = await createAccessToken(actor, { name: "Our tool" });
  const lastUsedAt = async () => (await db.personalAccessToken.findUniqueOrThrow({ where: { id: record.id } })).lastUsedAt;
  return { messageId: message.id, token, lastUsedAt };
}

async function expectTooLarge(response: Response) {
  expect(response.status).toBe(413);
  expect((await response.json()).error).toEqual({ code: "PAYLOAD_TOO_LARGE", message: "What was sent is too large to be accepted." });
}

describe("the JSON API's body limit", () => {
  it("refuses a Content-Length over 64 KB with 413 before reading the body or looking up the token", async () => {
    const { messageId, token, lastUsedAt } = await setup();
    const { request, counter } = endlessRequest("POST", `/api/v1/messages/${messageId}/comments`, { authorization: `Bearer ${token}` }, API_BODY_MAX_BYTES + 1);
    await expectTooLarge(await commentRoute(request, params({ id: messageId })));
    expect(counter.chunksRead).toBe(0);
    expect(await lastUsedAt()).toBeNull(); // the token was never looked up: any lookup notes its use
    // Even a token that is not one, or none at all: the size is answered first.
    const unknown = endlessRequest("POST", `/api/v1/messages/${messageId}/comments`, { authorization: "Bearer cst_nope" }, 10_000_000);
    await expectTooLarge(await commentRoute(unknown.request, params({ id: messageId })));
    expect(unknown.counter.chunksRead).toBe(0);
  });

  it("cuts off a chunked body once it passes 64 KB, without a Content-Length to go by", async () => {
    const { messageId, token, lastUsedAt } = await setup();
    const { request, counter } = endlessRequest("POST", `/api/v1/messages/${messageId}/comments`, { authorization: `Bearer ${token}` });
    await expectTooLarge(await commentRoute(request, params({ id: messageId })));
    expect(counter.chunksRead).toBe(API_BODY_MAX_BYTES / CHUNK + 1);
    expect(counter.cancelled).toBe(true);
    expect(await lastUsedAt()).toBeNull();
    expect(await db.comment.count({ where: { messageId } })).toBe(0);
  });

  it("counts bytes, not characters, and lets a body of exactly 64 KB through to validation", async () => {
    const { messageId, token } = await setup();
    const url = `${BASE}/api/v1/messages/${messageId}/comments`;
    const post = (body: string) =>
      commentRoute(new Request(url, { method: "POST", headers: { authorization: `Bearer ${token}` }, body }), params({ id: messageId }));
    const exactly = JSON.stringify({ body: "x".repeat(API_BODY_MAX_BYTES - 11) });
    expect(Buffer.byteLength(exactly)).toBe(API_BODY_MAX_BYTES);
    expect((await (await post(exactly)).json()).error.code).toBe("VALIDATION"); // too long a comment, not too large a request
    const chinese = JSON.stringify({ body: "字".repeat(API_BODY_MAX_BYTES / 3) }); // fewer characters than the limit, more bytes
    await expectTooLarge(await post(chinese));
  });

  it("refuses a large Content-Length on the other write routes too, bodies or not", async () => {
    const { token, lastUsedAt } = await setup();
    const headers = { authorization: `Bearer ${token}` };
    const id = "any-comment";
    for (const [route, method] of [[editRoute, "PATCH"], [withdrawRoute, "DELETE"], [agreeRoute, "POST"], [disagreeRoute, "DELETE"]] as const) {
      const { request, counter } = endlessRequest(method, `/api/v1/comments/${id}`, headers, API_BODY_MAX_BYTES + 1);
      await expectTooLarge(await route(request, params({ id })));
      expect(counter.chunksRead, method).toBe(0);
    }
    const chunked = endlessRequest("PATCH", `/api/v1/comments/${id}`, headers);
    await expectTooLarge(await editRoute(chunked.request, params({ id })));
    expect(await lastUsedAt()).toBeNull();
  });

  it("caps what next-auth's own POST endpoints read", async () => {
    const declared = endlessRequest("POST", "/api/auth/signout", { "content-type": "application/x-www-form-urlencoded" }, 10_000_000);
    await expectTooLarge(await nextAuthPost(declared.request, params({ nextauth: ["signout"] })));
    expect(declared.counter.chunksRead).toBe(0);
    const chunked = endlessRequest("POST", "/api/auth/_log", { "content-type": "application/x-www-form-urlencoded" });
    await expectTooLarge(await nextAuthPost(chunked.request, params({ nextauth: ["_log"] })));
    expect(chunked.counter.chunksRead).toBe(API_BODY_MAX_BYTES / CHUNK + 1);
  });
});

describe("the import route", () => {
  const url = `${BASE}/admin/import/upload`;

  async function secretariatToken() {
    const { token } = await createAccessToken(await createActor({ role: "SECRETARIAT" }), { name: "Import tool" });
    return token;
  }

  function importRequest(token: string, fields: Record<string, string>, file?: { name: string; bytes: Uint8Array }) {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    if (file) form.set("file", new File([Buffer.from(file.bytes)], file.name));
    return new Request(url, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form });
  }

  it("refuses a request over its cap on Content-Length, before who is asking and before reading", async () => {
    const { request, counter } = endlessRequest("POST", "/admin/import/upload", { "content-type": "multipart/form-data; boundary=x" }, IMPORT_REQUEST_MAX_BYTES + 1);
    await expectTooLarge(await importRoute(request));
    expect(counter.chunksRead).toBe(0);
  });

  it("reads nothing for someone who is not the secretariat", async () => {
    const participant = await createAccessToken(await createActor(), { name: "Tool" });
    for (const [authorization, status] of [[`Bearer ${participant.token}`, 403], ["Bearer cst_nope", 401]] as const) {
      const { request, counter } = endlessRequest("POST", "/admin/import/upload", { authorization, "content-type": "multipart/form-data; boundary=x" }, 5_000_000);
      expect((await importRoute(request)).status).toBe(status);
      expect(counter.chunksRead).toBe(0);
    }
  });

  it("cuts off a chunked upload past its cap, even from the secretariat", async () => {
    const { request, counter } = endlessRequest("POST", "/admin/import/upload", { authorization: `Bearer ${await secretariatToken()}`, "content-type": "multipart/form-data; boundary=x" });
    await expectTooLarge(await importRoute(request));
    expect(counter.chunksRead).toBe(Math.floor(IMPORT_REQUEST_MAX_BYTES / CHUNK) + 1);
  });

  it("previews a Word document, explains a zip bomb, and imports on confirmation", async () => {
    const token = await secretariatToken();
    const docx = buildDocx([{ heading: 1, text: "Access" }, { text: "Community networks need spectrum.", list: { kind: "bullet" } }]);
    const slug = uniqueSlug("upload");
    const settings = { slug, title: "Uploaded", language: "en" };

    const preview = await importRoute(importRequest(token, { ...settings, intent: "preview" }, { name: "draft.docx", bytes: docx }));
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({ saved: false, preview: { ok: true, document: { counts: { sections: 1, messages: 1 } } }, fieldErrors: {} });

    const bomb = await importRoute(importRequest(token, { ...settings, intent: "confirm" }, { name: "draft.docx", bytes: docxBomb(200) }));
    expect(await bomb.json()).toMatchObject({ saved: false, preview: { ok: false, error: { code: "UNSUPPORTED_FORMAT", reason: "DOCX_TOO_LARGE_UNPACKED" } } });
    expect(await db.consultation.count({ where: { slug } })).toBe(0);

    const saved = await importRoute(importRequest(token, { ...settings, intent: "confirm" }, { name: "draft.docx", bytes: docx }));
    expect(await saved.json()).toEqual({ saved: true, slug, counts: { sections: 1, messages: 1 } });
  });

  it("falls back to the pasted text and reports a missing document next to the file field", async () => {
    const token = await secretariatToken();
    const pasted = await importRoute(importRequest(token, { slug: uniqueSlug(), title: "T", language: "en", pasted: "# A\n\n- a\n" }));
    expect(await pasted.json()).toMatchObject({ saved: false, preview: { ok: true } });
    const nothing = await importRoute(importRequest(token, { slug: uniqueSlug(), title: "T", language: "en" }));
    expect(await nothing.json()).toMatchObject({ saved: false, fieldErrors: { file: "errors.fileRequired" } });
  });
});
