import { cache } from "react";
import { getServerSession } from "next-auth";
import type { Actor } from "./actor";
import { actorById } from "./actor-by-id";
import { authOptions } from "./options";

export { actorById };

/** The signed-in person for this request, read once per request. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  const userId = (session?.user as { id?: string } | undefined)?.id;
  if (!userId) return null;
  return actorById(userId);
});
