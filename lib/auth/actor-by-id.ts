import { db } from "@/lib/db/client";
import type { Actor } from "./actor";

/** The actor for a user id (sessions, tokens and scripts all resolve to this). */
export async function actorById(userId: string): Promise<Actor | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, role: true, email: true, name: true, suspendedAt: true, profile: { select: { preferredLanguage: true } } },
  });
  return user ? toActor({ ...user, userId: user.id, hasProfile: Boolean(user.profile), writingLanguage: user.profile?.preferredLanguage ?? null }) : null;
}

/** The one place that decides what a complete profile and a suspension mean for an actor. */
export function toActor(row: { userId: string; role: Actor["role"]; email: string; name: string | null; suspendedAt: Date | null; hasProfile: boolean; writingLanguage: string | null }): Actor {
  return {
    userId: row.userId,
    role: row.role,
    email: row.email,
    name: row.name,
    hasProfile: row.hasProfile && Boolean(row.name),
    suspended: Boolean(row.suspendedAt),
    writingLanguage: row.writingLanguage,
  };
}
