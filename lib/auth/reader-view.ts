/**
 * A hint, in a cookie the browser's own scripts write, that a signed-in
 * browser is a "reader": a participant (not the secretariat) whose browser
 * runs scripts. A reader gets the cached public pages and has its personal
 * parts (the header's account links, the comment forms and its own comments,
 * the Follow button) rendered for it after the document arrives
 * (components/personal/); anyone else signed in gets every page rendered for
 * the request. The hint decides routing only: what a page shows and allows is
 * decided from the session, never from it. Without Next.js imports: the edge
 * reads it (lib/http/page-route.ts).
 */
export const READER_VIEW_COOKIE = "consult-view";
export const READER_VIEW = "reader";
