import { db } from "@/lib/db/client";
import type { Actor } from "./actor";

/** The actor for a user id (sessions, tokens and scripts all resolve to this). */
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
