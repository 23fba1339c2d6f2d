/**
 * The translation a comment was written on (null: the original), as its JSON
 * names it (`translation` in lib/api/comment-json.ts): included wherever a
 * comment is read to answer with.
 */
export const WRITTEN_ON = { translatedText: { select: { translation: { select: { language: true } } } } } as const;

/** The same for a comment just written on the text in `language` (null: the original), without reading it again. */
export const writtenOn = (language: string | null) => ({ translatedText: language ? { translation: { language } } : null });
