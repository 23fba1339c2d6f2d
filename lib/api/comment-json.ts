/** The public JSON of a comment (stable field names; documented in the README). */
export function commentJson(
  comment: {
    id: string; messageId: string; messageVersionId: string; parentId: string | null; status: string; body: string; language: string | null;
    authorName: string; authorStakeholderGroup: string; authorRegion: string; authorCountry: string; authorOrganisation: string | null;
    quoteExact: string | null; quotePrefix: string | null; quoteSuffix: string | null; positionStart: number | null; positionEnd: number | null;
    createdAt: Date; editedAt: Date | null;
    moderatedAt?: Date | null; moderationReason?: string | null; moderationNote?: string | null;
    /** Where read: the translation it was written on (lib/translations). */
    translatedText?: { translation: { language: string } } | null;
  },
  /** forAuthor and receipt: for the author only, in the write API's answers. */
  extra: { messageNumber?: string; agreements?: number; forAuthor?: boolean; receipt?: string | null } = {},
) {
  // The author sees their own text while it waits for approval; the public sees published text only.
  const shown = comment.status === "PUBLISHED" || (extra.forAuthor === true && comment.status === "PENDING");
  return {
    id: comment.id,
    messageId: comment.messageId,
    ...(extra.messageNumber ? { messageNumber: extra.messageNumber } : {}),
    versionId: comment.messageVersionId,
    parentId: comment.parentId,
    status: comment.status.toLowerCase(),
    body: shown ? comment.body : null,
    language: comment.language,
    // The language of the translation it was written on (its selector counts in that text); null: the original.
    ...(comment.translatedText !== undefined ? { translation: comment.translatedText?.translation.language ?? null } : {}),
    author: authorJson(comment),
    selector:
      comment.quoteExact !== null
        ? { exact: comment.quoteExact, prefix: comment.quotePrefix ?? "", suffix: comment.quoteSuffix ?? "", start: comment.positionStart, end: comment.positionEnd }
        : null,
    ...(extra.agreements !== undefined ? { agreements: extra.agreements } : {}),
    createdAt: comment.createdAt.toISOString(),
    editedAt: comment.editedAt?.toISOString() ?? null,
    // Why the text is not shown, when the moderators hid it: the category and their public note.
    moderation:
      comment.status === "HIDDEN"
        ? { state: "hidden", reason: comment.moderationReason ?? null, note: comment.moderationNote ?? null, at: comment.moderatedAt?.toISOString() ?? null }
        : comment.status === "PENDING"
          ? { state: "pending" }
          : null,
    ...(extra.receipt !== undefined ? { receipt: extra.receipt } : {}),
  };
}

/** Who wrote a comment, as they declared themselves when they wrote it. */
export function authorJson(comment: {
  authorName: string; authorStakeholderGroup: string; authorRegion: string; authorCountry: string; authorOrganisation: string | null;
}) {
  return {
    name: comment.authorName,
    stakeholderGroup: comment.authorStakeholderGroup,
    region: comment.authorRegion,
    country: comment.authorCountry,
    organisation: comment.authorOrganisation,
  };
}
