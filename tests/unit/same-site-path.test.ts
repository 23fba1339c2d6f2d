import { describe, expect, it } from "vitest";
import { callbackPathField } from "@/lib/auth/schemas";
import { SAME_SITE_PATH_MAX, sameSitePath } from "@/lib/http/same-site-path";

const SITE = "http://localhost:3000";

/** Targets that must never leave the site, each with why a browser, a proxy or Next.js could take it elsewhere. */
const REFUSED: Array<[unknown, string]> = [
  ["//evil.example", "protocol-relative"],
  ["//evil.example/x?y=1", "protocol-relative with a path"],
  ["///evil.example", "three slashes are still a host to browsers"],
  ["/\\evil.example", "browsers read \\ as /"],
  ["\\\\evil.example", "two backslashes"],
  ["\\/evil.example", "backslash then slash"],
  ["/\\/evil.example", "slash, backslash, slash"],
  ["/.//evil.example", "a dot segment removed leaves //"],
  ["/./\\evil.example", "a dot segment then a backslash"],
  ["/a/..//evil.example", "a double-dot segment leaves //"],
  ["/../../..//evil.example", "double dots above the root"],
  ["/%2e//evil.example", "an encoded dot segment"],
  ["/%2F%2Fevil.example", "decodes to ///evil.example"],
  ["/%2f/evil.example", "decodes to ///evil.example"],
  ["/%2F/evil.example", "upper-case escape"],
  ["/%252F%252Fevil.example", "decodes to // on the second round"],
  ["/%25252F%25252Fevil.example", "decodes to // on the third round"],
  ["/%2525252F%2525252Fevil.example", "still not decoded after three rounds"],
  ["/a/..%2F%2Fevil.example", "decodes to /a/..//evil.example, which resolves to //"],
  ["/%2e%2e%2F%2Fevil.example", "decodes to /..//evil.example"],
  ["/%5Cevil.example", "decodes to /\\evil.example"],
  ["/%5c%5cevil.example", "decodes to two backslashes"],
  ["/%255Cevil.example", "decodes to a backslash on the second round"],
  ["/\t/evil.example", "browsers drop tabs"],
  ["/\n/evil.example", "browsers drop newlines"],
  ["/\r/evil.example", "browsers drop carriage returns"],
  ["/%09/evil.example", "an encoded tab"],
  ["/%0A/evil.example", "an encoded newline"],
  ["/%0d%0aSet-Cookie:x=1", "an encoded CRLF (header injection)"],
  [" /x", "leading space is stripped by URL parsers"],
  ["\t//evil.example", "leading tab"],
  ["\u0000/x", "leading NUL"],
  ["\u001f//evil.example", "leading control character"],
  ["/x\u0000", "NUL inside"],
  ["/x%00", "encoded NUL"],
  ["/x\u007f", "DEL"],
  ["/x y", "a raw space"],
  ["https://evil.example", "another site"],
  ["https://evil.example/consultations", "another site's path"],
  ["HTTPS://EVIL.EXAMPLE/", "another site in capitals"],
  ["http:evil.example", "a scheme without slashes is a host, not a path"],
  ["http:/evil.example", "a scheme with one slash"],
  ["http:\\\\evil.example", "a scheme with backslashes"],
  ["javascript:alert(1)", "script"],
  ["JavaScript:alert(1)", "script in mixed case"],
  ["data:text/html,<script>alert(1)</script>", "data URL"],
  ["vbscript:msgbox(1)", "script"],
  ["mailto:a@example.org", "another scheme"],
  ["//localhost@evil.example", "user info before another host"],
  ["http://localhost:3000@evil.example/", "this origin as user info"],
  ["//localhost:3000/account", "protocol-relative even to this host"],
  ["https://localhost:3000/account", "this host with another scheme"],
  ["http://localhost:3001/account", "this host on another port"],
  ["http://localhost/account", "this host on the default port"],
  ["http://localhost:3000//evil.example", "this origin with a // path"],
  ["http://localhost:3000/.//evil.example", "this origin with a dot segment leaving //"],
  ["http://localhost:3000/%2F%2Fevil.example", "this origin with an encoded //"],
  ["evil.example", "no leading slash"],
  ["consultations/x", "a relative path"],
  ["./x", "a relative path"],
  ["../x", "a relative path"],
  ["?x=1", "a query alone"],
  ["#x", "a fragment alone"],
  ["/%E0%A4%A", "a malformed escape"],
  [`/${"a".repeat(SAME_SITE_PATH_MAX)}`, "too long"],
  ["", "empty"],
  [null, "missing"],
  [undefined, "missing"],
  [["/a", "/b"], "a repeated query parameter"],
  [42, "not a string"],
];

const KEPT: Array<[string, string]> = [
  ["/", "/"],
  ["/account", "/account"],
  ["/consultations/x?page=2", "/consultations/x?page=2"],
  ["/consultations/x?page=2#comment-3", "/consultations/x?page=2#comment-3"],
  ["/consultations/igf-2025/messages/2.14", "/consultations/igf-2025/messages/2.14"],
  ["/search?q=a%20b", "/search?q=a%20b"],
  ["/search?q=//evil.example", "/search?q=//evil.example"],
  ["/x#//evil.example", "/x#//evil.example"],
  ["/a/./b/../c", "/a/c"],
  ["/a//b", "/a//b"],
  ["/a/%2F%2Fb", "/a/%2F%2Fb"],
  ["/consultations/数字", "/consultations/%E6%95%B0%E5%AD%97"],
  ["/／evil.example", "/%EF%BC%8Fevil.example"],
  [`/${"a".repeat(SAME_SITE_PATH_MAX - 1)}`, `/${"a".repeat(SAME_SITE_PATH_MAX - 1)}`],
];

const KEPT_ABSOLUTE: Array<[string, string]> = [
  ["http://localhost:3000/account?x=1", "/account?x=1"],
  ["http://localhost:3000", "/"],
  ["HTTP://LOCALHOST:3000/account", "/account"],
  ["http://someone@localhost:3000/account", "/account"],
];

/** What a browser (Location header, client navigation) or Next.js's redirect would make of an answer. */
function expectOnSite(answer: string) {
  expect(answer.startsWith("/")).toBe(true);
  expect(answer.startsWith("//")).toBe(false);
  expect(answer.startsWith("/\\")).toBe(false);
  expect(new URL(answer, SITE).origin).toBe(SITE);
  expect(new URL(answer, "http://n").host).toBe("n"); // Next.js resolves action redirects this way
  expect(decodeURIComponent(new URL(answer, SITE).pathname).startsWith("//")).toBe(false);
  expect(sameSitePath(answer)).toBe(answer); // stable: checking again changes nothing
}

describe("sameSitePath", () => {
  it.each(REFUSED)("refuses %j (%s)", (target) => {
    expect(sameSitePath(target, SITE)).toBe("/");
    expect(sameSitePath(target)).toBe("/");
  });

  it.each(KEPT)("keeps %j as %j", (target, expected) => {
    expect(sameSitePath(target, SITE)).toBe(expected);
    expect(sameSitePath(target)).toBe(expected);
    expectOnSite(expected);
  });

  it.each(KEPT_ABSOLUTE)("keeps %j on this origin as %j, and only with the origin given", (target, expected) => {
    expect(sameSitePath(target, SITE)).toBe(expected);
    expect(sameSitePath(target, `${SITE}/`)).toBe(expected);
    expect(sameSitePath(target)).toBe("/");
    expect(sameSitePath(target, "https://localhost:3000")).toBe("/");
  });

  it("refuses absolute URLs when the site's origin is unusable", () => {
    expect(sameSitePath("http://localhost:3000/account", "localhost:3000")).toBe("/");
    expect(sameSitePath("http://localhost:3000/account", "null")).toBe("/");
  });

  it("never answers anything that leaves the site, whatever the combination", () => {
    const starts = ["", "/", "//", "/\\", "\\", "/./", "/.", "/..", " ", "\t/", "%2F", "/%2F", "/%5C", "/%2e/", "http:", "http://localhost:3000", "https://localhost:3000"];
    const middles = ["", "/", "\\", "%2F", "%2f", "%5C", "%252F", "%09", "\t", "\n", "./", "../", "%2e%2e/", "%2e%2e%2f", "@", "localhost@"];
    const ends = ["evil.example", "/evil.example", "evil.example/x?y=1#z", "/evil.example/..", ":80"];
    for (const start of starts) {
      for (const middle of middles) {
        for (const end of ends) {
          expectOnSite(sameSitePath(`${start}${middle}${end}`, SITE));
        }
      }
    }
  });
});

describe("the callbackUrl field", () => {
  it("uses the same check and takes paths only", () => {
    expect(callbackPathField.parse("/consultations/x?page=2")).toBe("/consultations/x?page=2");
    expect(callbackPathField.parse("/.//evil.example")).toBe("/");
    expect(callbackPathField.parse("http://localhost:3000/account")).toBe("/");
    expect(callbackPathField.parse(undefined)).toBe("/");
  });
});
