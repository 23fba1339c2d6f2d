import type { ReactNode } from "react";
import { z } from "zod";
import type { PersonalAnswer } from "@/components/personal/personal-part";
import type { Actor } from "@/lib/auth/actor";
import { isReader } from "@/lib/auth/guards";
import { getActor } from "@/lib/auth/session";

/**
 * The personal parts of the cached pages (the server actions beside this
 * file), rendered for the signed-in reader who asks
 * (components/personal/personal-part.tsx): the same components the pages
 * rendered for the request use. Read-only: each reads the session and the
 * public data, and writes nothing. One action per file, so that a page loads
 * the client code of its own part only (the header's is on every page).
 */
export async function forReader(render: (actor: Actor) => ReactNode | Promise<ReactNode>): Promise<PersonalAnswer> {
  const actor = await getActor();
  if (!actor) return { signedIn: false };
  if (!isReader(actor)) return { signedIn: true, reader: false };
  return { signedIn: true, reader: true, part: await render(actor) };
}

/** What the browser sends to name a part's page: an id, a slug, a number. */
export const reference = z.string().min(1).max(200);
