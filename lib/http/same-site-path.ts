/** The path of a URL on this site, or "/" for anything that points elsewhere. */
export function sameSitePath(url: string | null | undefined, host: string | null | undefined): string {
  if (!url) return "/";
  try {
    const parsed = new URL(url, "http://placeholder.invalid");
    const local = parsed.host === "placeholder.invalid" || parsed.host === host;
    return local && parsed.pathname.startsWith("/") && !parsed.pathname.startsWith("//")
      ? `${parsed.pathname}${parsed.search}`
      : "/";
  } catch {
    return "/";
  }
}
