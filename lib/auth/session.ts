import { cookies } from "next/headers";
import { cache } from "react";
import type { Actor } from "./actor";
import { sessionCredential, whoIsAsking } from "./who-is-asking";

/** The signed-in person for this request (pages and server actions), read once per request. */
export const getActor = cache(async (): Promise<Actor | null> => whoIsAsking(sessionCredential(await cookies())));

/** The session credential itself, for use cases that check it in their own statement (comment submission). */
export async function getCredential() {
  return sessionCredential(await cookies());
}
