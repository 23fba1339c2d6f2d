import { describe, expect, it } from "vitest";
import { pageRoute } from "@/lib/http/page-route";

const ask = (url: string, options: { method?: string; cookie?: string; acceptLanguage?: string } = {}) =>
  pageRoute({ method: options.method ?? "GET", url, cookie: options.cookie, acceptLanguage: options.acceptLanguage });

describe("which page answers a request", () => {
  it("gives a reader who is not signed in the cached document of a public page", () => {
    for (const url of ["/", "/consultations", "/consultations/igf-2025", "/consultations/igf-2025/messages/3.2.1.1", "/consultations/igf-2025/outcome", "/consultations/igf-2025/outcome/print", "/consultations/igf-2025/statistics", "/moderation", "/code-of-participation", "/developers"]) {
      expect(ask(url), url).toEqual({ locale: "en", cached: true, url: `/en/public${url === "/" ? "" : url}` });
    }
  });

  it("hands Next.js the address of the route that answers, with the query", () => {
    expect(ask("/?_rsc=1x2y")?.url).toBe("/en/public?_rsc=1x2y");
    expect(ask("/consultations/igf-2025/messages/1.1?page=2", { cookie: "NEXT_LOCALE=ar" })?.url).toBe("/ar/consultations/igf-2025/messages/1.1?page=2");
    expect(ask("/sign-in?callbackUrl=%2F")?.url).toBe("/en/sign-in?callbackUrl=%2F");
    // An address that names a language or the cached tree itself is not a page of ours.
    expect(ask("/en/public/moderation")?.url).toBe("/en/en/public/moderation");
  });

  it("renders per request for a signed-in reader, a query, a write, or a page that is not public", () => {
    expect(ask("/consultations/igf-2025", { cookie: "NEXT_LOCALE=zh; next-auth.session-token=abc" })).toEqual({ locale: "zh", cached: false, url: "/zh/consultations/igf-2025" });
    expect(ask("/consultations/igf-2025", { cookie: "__Secure-next-auth.session-token=abc" })?.cached).toBe(false);
    expect(ask("/consultations/igf-2025/messages/1.1?page=2")?.cached).toBe(false);
    expect(ask("/consultations/igf-2025/outcome?view=changes")?.cached).toBe(false);
    for (const url of ["/consultations/igf-2025/search?q=access", "/account", "/admin/moderation", "/sign-in", "/consultations/igf-2025/messages/1.1/extra"]) {
      expect(ask(url)?.cached, url).toBe(false);
    }
  });

  it("gives a signed-in participant whose browser fills in the personal parts the cached document, and the secretariat its own pages", () => {
    expect(ask("/consultations/igf-2025/messages/1.1", { cookie: "next-auth.session-token=abc; consult-view=reader" })).toEqual({ locale: "en", cached: true, url: "/en/public/consultations/igf-2025/messages/1.1" });
    expect(ask("/consultations/igf-2025", { cookie: "next-auth.session-token=abc; consult-view=staff" })?.cached).toBe(false);
    expect(ask("/consultations/igf-2025?page=2", { cookie: "next-auth.session-token=abc; consult-view=reader" })?.cached).toBe(false);
    expect(ask("/account", { cookie: "next-auth.session-token=abc; consult-view=reader" })?.cached).toBe(false);
    // Signed out, a hint left behind changes nothing.
    expect(ask("/consultations/igf-2025", { cookie: "consult-view=staff" })?.cached).toBe(true);
  });

  it("sends a server action to the route of the page it was posted from, whatever the cookies say now", () => {
    const tree = (below: string) => encodeURIComponent(JSON.stringify(["", { children: [["locale", "en", "d"], { children: [below, { children: ["__PAGE__", {}] }] }] }, null, null, true]));
    const post = (routerStateTree: string | undefined, cookie?: string) => pageRoute({ method: "POST", url: "/consultations/igf-2025/messages/1.1", cookie, acceptLanguage: "en", routerStateTree });
    expect(post(tree("public"))?.cached).toBe(true);
    expect(post(tree("public"), "next-auth.session-token=abc")?.cached).toBe(true);
    // A page rendered for the request, though the browser has since said it can fill in cached ones.
    expect(post(tree("(site)"), "next-auth.session-token=abc; consult-view=reader")?.cached).toBe(false);
    // A form posted without scripts names no tree; a tree that is not one is none.
    expect(post(undefined)?.cached).toBe(false);
    expect(post("%7Bnot-json")?.cached).toBe(false);
    expect(post(encodeURIComponent(JSON.stringify(["", { children: [["slug", "public", "d"], {}] }])))?.cached).toBe(false);
  });

  it("gives a document read in a translation a cached document per language, for its consultation and message pages only", () => {
    expect(ask("/consultations/igf-2025?language=fr")).toEqual({ locale: "en", cached: true, url: "/en/public/consultations/igf-2025/in/fr" });
    expect(ask("/consultations/igf-2025/messages/3.2.1.1?language=zh-Hant", { cookie: "NEXT_LOCALE=ar" })).toEqual({ locale: "ar", cached: true, url: "/ar/public/consultations/igf-2025/messages/3.2.1.1/in/zh-hant" });
    // Tags do not differ by case: one cached document for each language.
    expect(ask("/consultations/igf-2025?language=FR")?.url).toBe("/en/public/consultations/igf-2025/in/fr");
    expect(ask("/consultations/igf-2025/messages/1.1?_rsc=1x2y&language=fr")?.url).toBe("/en/public/consultations/igf-2025/messages/1.1/in/fr?_rsc=1x2y");
    expect(ask("/consultations/igf-2025?language=fr", { cookie: "next-auth.session-token=abc; consult-view=reader" })?.cached).toBe(true);
    // Signed in without the hint, with another query beside it, on a page without translations, or not a language tag: per request, as asked.
    expect(ask("/consultations/igf-2025?language=fr", { cookie: "next-auth.session-token=abc" })).toEqual({ locale: "en", cached: false, url: "/en/consultations/igf-2025?language=fr" });
    for (const url of ["/consultations/igf-2025/messages/1.1?language=fr&page=2", "/consultations/igf-2025/messages/1.1?language=fr&language=es", "/consultations/igf-2025/outcome?language=fr", "/consultations/igf-2025?language=", "/consultations/igf-2025?language=fr%2F..", "/consultations/igf-2025?language=%3Cb%3E", "/consultations/igf-2025?language=x"]) {
      expect(ask(url), url).toEqual({ locale: "en", cached: false, url: `/en${url}` });
    }
    expect(ask("/?language=fr")).toEqual({ locale: "en", cached: false, url: "/en?language=fr" });
    // A server action from a translation's cached page goes back to that page's route.
    const tree = encodeURIComponent(JSON.stringify(["", { children: [["locale", "en", "d"], { children: ["public", { children: ["__PAGE__", {}] }] }] }, null, null, true]));
    expect(pageRoute({ method: "POST", url: "/consultations/igf-2025/messages/1.1?language=fr", cookie: undefined, acceptLanguage: "en", routerStateTree: tree })?.url).toBe(
      "/en/public/consultations/igf-2025/messages/1.1/in/fr?language=fr",
    );
  });

  it("keeps the client router's own query on the cached document", () => {
    expect(ask("/consultations/igf-2025?_rsc=1x2y")?.cached).toBe(true);
    expect(ask("/consultations/igf-2025?_rsc=1x2y&page=2")?.cached).toBe(false);
  });

  it("takes the language from its cookie, else from Accept-Language", () => {
    expect(ask("/", { cookie: "NEXT_LOCALE=zh" })?.locale).toBe("zh");
    expect(ask("/", { acceptLanguage: "zh-CN,zh;q=0.9,en;q=0.5" })?.locale).toBe("zh");
    expect(ask("/", { cookie: "NEXT_LOCALE=xx", acceptLanguage: "zh" })?.locale).toBe("zh");
    expect(ask("/", { acceptLanguage: "de" })?.locale).toBe("en");
  });

  it("leaves Next.js's files, the API and the icon alone", () => {
    for (const url of ["/_next/static/chunks/app.js", "/api/v1/consultations", "/icon.svg", "/api/health"]) expect(ask(url), url).toBeNull();
  });
});
