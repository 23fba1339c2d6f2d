/**
 * The versions of a message the public sees: its history starts at the
 * consultation's first publication. Drafts superseded before then stay in the
 * database (and the audit trail) but are the secretariat's work in progress,
 * not "earlier versions". The version that was current at publication is kept.
 * Before any publication only the current version is public. Final versions
 * are the secretariat's work in progress until the outcome is published.
 */
export function publicVersions<V extends { createdAt: Date; kind: "DRAFT" | "FINAL" }>(
  all: readonly V[],
  consultation: { firstPublishedAt: Date | null; finalisedAt: Date | null },
): V[] {
  // `all` are oldest first.
  const versions = consultation.finalisedAt ? all : all.filter((version) => version.kind === "DRAFT");
  const { firstPublishedAt } = consultation;
  if (versions.length === 0) return [];
  if (firstPublishedAt === null) return versions.slice(-1);
  const published = firstPublishedAt.getTime();
  const lastBefore = versions.findLastIndex((version) => version.createdAt.getTime() <= published);
  return versions.slice(Math.max(lastBefore, 0));
}

/**
 * The version a `?version=` parameter names among a message's public versions
 * (oldest first): the current one without the parameter, null when it names
 * no public version (not a positive whole number, repeated, or unknown).
 */
export function versionNamed<V extends { number: number }>(versions: readonly V[], param: string | string[] | undefined): V | null {
  if (param === undefined) return versions.at(-1) ?? null;
  if (typeof param !== "string" || !/^[1-9]\d{0,8}$/.test(param)) return null;
  return versions.find((version) => version.number === Number(param)) ?? null;
}
