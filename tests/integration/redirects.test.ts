import { beforeEach, describe, expect, it } from "vitest";
import { authOptions } from "@/lib/auth/options";
import { requestSignIn, signInWithCode } from "@/lib/auth/sign-in";
import { db } from "@/lib/db/client";
import { uniqueEmail } from "../support/factories";
import { callNextAuth } from "../support/next-auth";

const BASE = "http://localhost:3000";
const HOSTILE = [
  "//evil.example",
  "/\\evil.example",
  "/.//evil.example",
  "/./\\evil.example",
  "/%2F%2Fevil.example",
  "/%2f/evil.example",
  "/%5Cevil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  " //evil.example",
  "https://evil.example/",
  "http:evil.example",
  "javascript:alert(1)",
  "//localhost@evil.example",
  "https://localhost:3000/account",
];

const redirect = (url: string) => authOptions.callbacks!.redirect!({ url, baseUrl: BASE });

beforeEach(async () => {
  await db.rateLimitCounter.deleteMany();
});

describe("next-auth's redirect callback (sign-in links, sign-out, the callback-url cookie)", () => {
  it.each(HOSTILE)("sends %j to the home page", async (url) => {
    expect(await redirect(url)).toBe(`${BASE}/`);
  });

  it("keeps this site's pages, absolute or not, with query and hash", async () => {
    expect(await redirect("/consultations/x?page=2#c")).toBe(`${BASE}/consultations/x?page=2#c`);
    expect(await redirect(`${BASE}/account`)).toBe(`${BASE}/account`);
  });
});

describe("the sign-in e-mail and code", () => {
  it("never carry people to another site", async () => {
    const email = uniqueEmail();
    for (const callbackUrl of HOSTILE) {
      await requestSignIn({ email, callbackUrl }, { ip: null, locale: "en" });
      const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
      const link = new URL(/https?:\/\/\S+/.exec(mail.text)![0]);
      expect(link.searchParams.get("callbackUrl"), callbackUrl).toBe(`${BASE}/`);
      // The link's callbackUrl then meets next-auth's redirect callback, which keeps it.
      expect(await redirect(link.searchParams.get("callbackUrl")!)).toBe(`${BASE}/`);
      await db.rateLimitCounter.deleteMany();
    }
  });

  it("lands on this site when the link's callbackUrl is changed to point elsewhere", async () => {
    for (const callbackUrl of ["/.//evil.example", "//evil.example", `${BASE}//evil.example`, "https://evil.example/"]) {
      const email = uniqueEmail();
      await requestSignIn({ email }, { ip: null, locale: "en" });
      const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
      const query = Object.fromEntries(new URL(/https?:\/\/\S+/.exec(mail.text)![0]).searchParams);
      // next-auth's e-mail callback, as the browser reaches it; a first sign-in goes to the profile page first.
      const followed = await callNextAuth(["callback", "email"], { query: { ...query, callbackUrl } });
      const location = new URL(followed.location!, BASE);
      expect(location.origin, callbackUrl).toBe(BASE);
      expect(location.pathname).toBe("/account/profile");
      expect(location.searchParams.get("callbackUrl"), callbackUrl).toBe(`${BASE}/`);
    }
  });

  it("hands the sign-in action only a same-site path to redirect to", async () => {
    const email = uniqueEmail();
    await requestSignIn({ email }, { ip: null, locale: "en" });
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
    const code = /code on the sign-in page: (\d{3} \d{3})/.exec(mail.text)![1]!;
    const signedIn = await signInWithCode({ email, code, callbackUrl: "/.//evil.example" }, { ip: null });
    expect(signedIn.callbackUrl).toBe("/");
  });
});
