import { cookies } from "next/headers";
import { cache } from "react";
import type { Actor } from "./actor";
import { sessionCredential, whoIsAsking } from "./who-is-asking";

/** Marked by a cached page before it renders (lib/http/cached-page.ts). */
const render = cache(() => ({ forEveryone: false }));

/** This render is a cached document, the same for every reader: nobody is signed in on it, and no cookie is read. */
export function renderForEveryone() {
  render().forEveryone = true;
}

/** Whether this render is a cached document (a page then leaves its personal parts to components/personal/). */
export function isRenderedForEveryone() {
  return render().forEveryone;
}

/** The signed-in person for this request (pages and server actions), read once per request. */
export const getActor = cache(async (): Promise<Actor | null> => (render().forEveryone ? null : whoIsAsking(sessionCredential(await cookies()))));

/** The session credential itself, for use cases that check it in their own statement (comment submission). */
export async function getCredential() {
  return sessionCredential(await cookies());
}
