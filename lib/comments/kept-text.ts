/**
 * Where a comment or reply form keeps its unsent text in the browser
 * (localStorage), so that it survives a reload, a refusal or the deadline:
 * once a consultation has closed, components/comments/kept-drafts.tsx shows
 * what was never sent. A comment on a translation keeps its own.
 */
export const keptCommentKey = (messageId: string, translation?: string | null) => `consult:comment:${messageId}${translation ? `:${translation}` : ""}`;
export const keptReplyKey = (threadId: string) => `consult:reply:${threadId}`;
/**
 * A page that can show kept texts names their keys in this attribute (space-separated), so that a cached page
 * starts its scripts in a browser that keeps one of them with text in it (lib/http/reader-scripts.ts).
 */
export const KEPT_DRAFTS_ATTRIBUTE = "data-kept-drafts";
