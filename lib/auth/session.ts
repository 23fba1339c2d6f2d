import { cache } from "react";
import { getServerSession } from "next-auth";
import { db } from "@/lib/db/client";
import type { Actor } from "./actor";
import { authOptions } from "./options";

/** The signed-in person for this request, read once per request. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  const userId = (session?.user as { id?: string } | undefined)?.id;
  if (!userId) return null;
  return actorById(userId);
});

export async function actorById(userId: string): Promise<Actor | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, role: true, email: true, name: true, suspendedAt: true, profile: { select: { userId: true } } },
  });
  if (!user) return null;
  return {
    userId: user.id,
    role: user.role,
    email: user.email,
    name: user.name,
    hasProfile: Boolean(user.profile && user.name),
    suspended: Boolean(user.suspendedAt),
  };
}
