import type { Role } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import type { Actor } from "./actor";

export const SECRETARIAT_ROLES: readonly Role[] = ["SECRETARIAT", "ADMIN"];

/** A signed-in, not suspended person. */
export function requireUser(actor: Actor | null): Actor {
  if (!actor) throw new AppError("UNAUTHENTICATED");
  if (actor.suspended) throw new AppError("SUSPENDED");
  return actor;
}

/** A signed-in person whose stakeholder profile is complete: the bar for any participation. */
export function requireParticipant(actor: Actor | null): Actor {
  const user = requireUser(actor);
  if (!user.hasProfile) throw new AppError("PROFILE_INCOMPLETE");
  return user;
}

export function requireRole(actor: Actor | null, roles: readonly Role[]): Actor {
  const user = requireUser(actor);
  if (!roles.includes(user.role)) throw new AppError("FORBIDDEN");
  return user;
}

export function requireSecretariat(actor: Actor | null): Actor {
  return requireRole(actor, SECRETARIAT_ROLES);
}

export function requireAdmin(actor: Actor | null): Actor {
  return requireRole(actor, ["ADMIN"]);
}

export function isSecretariat(actor: Actor | null): boolean {
  return Boolean(actor && !actor.suspended && SECRETARIAT_ROLES.includes(actor.role));
}

/**
 * A participant, for whom a public page differs from everyone's only in its
 * personal parts (lib/auth/reader-view.ts); the secretariat sees more.
 */
export function isReader(actor: Actor | null): boolean {
  return actor?.role === "PARTICIPANT";
}
