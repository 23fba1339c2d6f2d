/** The public JSON of a comment (stable field names; documented in the README). */
export function commentJson(
  comment: {
    id: string; messageId: string; messageVersionId: string; parentId: string | null; status: string; body: string;
    authorName: string; authorStakeholderGroup: string; authorRegion: string; authorCountry: string; authorOrganisation: string | null;
    quoteExact: string | null; quotePrefix: string | null; quoteSuffix: string | null; positionStart: number | null; positionEnd: number | null;
    createdAt: Date; editedAt: Date | null;
  },
  /** receipt: only for the author, in the write API's answer. */
  extra: { messageNumber?: string; agreements?: number; receipt?: string | null } = {},
) {
  const published = comment.status === "PUBLISHED";
  return {
    id: comment.id,
    messageId: comment.messageId,
    ...(extra.messageNumber ? { messageNumber: extra.messageNumber } : {}),
    versionId: comment.messageVersionId,
    parentId: comment.parentId,
    status: comment.status.toLowerCase(),
    body: published ? comment.body : null,
    author: {
      name: comment.authorName,
      stakeholderGroup: comment.authorStakeholderGroup,
      region: comment.authorRegion,
      country: comment.authorCountry,
      organisation: comment.authorOrganisation,
    },
    selector:
      comment.quoteExact !== null
        ? { exact: comment.quoteExact, prefix: comment.quotePrefix ?? "", suffix: comment.quoteSuffix ?? "", start: comment.positionStart, end: comment.positionEnd }
        : null,
    ...(extra.agreements !== undefined ? { agreements: extra.agreements } : {}),
    createdAt: comment.createdAt.toISOString(),
    editedAt: comment.editedAt?.toISOString() ?? null,
    ...(extra.receipt !== undefined ? { receipt: extra.receipt } : {}),
  };
}
