/** Longer redirect targets are refused: no page here needs one, and they only fill logs. */
export const SAME_SITE_PATH_MAX = 2048;

const PLACEHOLDER = "http://same-site.invalid";
// Browsers drop tabs and newlines inside URLs, strip leading spaces and
// controls, and read "\" as "/": each can turn "/\t/evil" into "//evil".
const UNSAFE_CHARACTERS = /[\u0000-\u0020\u007f\\]/;
const UNSAFE_DECODED = /[\u0000-\u001f\u007f\\]/;
const DECODE_ROUNDS = 3;

/**
 * The path on this site (with query and hash) that `target` names, or "/"
 * when it could lead anywhere else. Every redirect target that comes from a
 * request passes through here. A relative target starts with a single "/"; an
 * absolute one must have exactly `siteOrigin` (scheme, host and port). The
 * answer is re-serialised by the URL parser, so it never starts with "//" or
 * "/\", and neither does its path once percent-decoded, in case a proxy or a
 * framework decodes it on the way. `target` is unknown: a repeated query
 * parameter arrives as an array.
 */
export function sameSitePath(target: unknown, siteOrigin?: string | null): string {
  if (typeof target !== "string" || !target || target.length > SAME_SITE_PATH_MAX || UNSAFE_CHARACTERS.test(target)) return "/";
  const url = parseOnSite(target, siteOrigin);
  return url && staysOnSite(url.pathname) ? `${url.pathname}${url.search}${url.hash}` : "/";
}

function parseOnSite(target: string, siteOrigin: string | null | undefined): URL | null {
  try {
    if (target.startsWith("/")) {
      const url = new URL(target, PLACEHOLDER);
      return !target.startsWith("//") && url.origin === PLACEHOLDER ? url : null;
    }
    // Parsed without a base: "http:evil.example" is then http://evil.example/, not a path.
    const url = new URL(target);
    return siteOrigin && url.origin === new URL(siteOrigin).origin ? url : null;
  } catch {
    return null;
  }
}

/** The path, and each percent-decoding of it, is a single-slash path that resolves on this site. */
function staysOnSite(pathname: string): boolean {
  let current = pathname;
  try {
    for (let round = 0; round <= DECODE_ROUNDS; round += 1) {
      if (!current.startsWith("/") || current.startsWith("//") || UNSAFE_DECODED.test(current)) return false;
      // Decoding can make new dot segments: "/a/..%2F%2Fevil" resolves to "//evil".
      const resolved = new URL(current, PLACEHOLDER);
      if (resolved.origin !== PLACEHOLDER || resolved.pathname.startsWith("//")) return false;
      const decoded = decodeURIComponent(current);
      if (decoded === current) return true;
      current = decoded;
    }
  } catch {
    // a malformed escape such as "%E0%A4%A"
  }
  return false;
}
