/**
 * The versions of a message the public sees: its history starts at the
 * consultation's first publication. Drafts superseded before then stay in the
 * database (and the audit trail) but are the secretariat's work in progress,
 * not "earlier versions". The version that was current at publication is kept.
 * Before any publication only the current version is public.
 */
export function publicVersions<V extends { createdAt: Date }>(versions: readonly V[], firstPublishedAt: Date | null): V[] {
  // `versions` are oldest first.
  if (versions.length === 0) return [];
  if (firstPublishedAt === null) return versions.slice(-1);
  const published = firstPublishedAt.getTime();
  const lastBefore = versions.findLastIndex((version) => version.createdAt.getTime() <= published);
  return versions.slice(Math.max(lastBefore, 0));
}
