/** The translators' credit: a line, not a text (checked by ./schemas.ts, the form's maxLength). */
export const TRANSLATORS_MAX = 300;
