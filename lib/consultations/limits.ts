/** A consultation's title: checked by the schemas (./schemas.ts) and given to the forms as maxLength; apart from zod, for the browser. */
export const TITLE_MAX = 200;
