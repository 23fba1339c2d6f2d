import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { actorById } from "@/lib/auth/actor-by-id";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";

export function uniqueEmail(label = "person") {
  return `${label}-${randomBytes(5).toString("hex")}@example.org`;
}

/** A user with (by default) a complete stakeholder profile, as the actor lib/ functions take. */
export async function createActor(options: { role?: Role; profile?: boolean; suspended?: boolean } = {}): Promise<Actor> {
  const { role = "PARTICIPANT", profile = true, suspended = false } = options;
  const user = await db.user.create({
    data: {
      email: uniqueEmail(role.toLowerCase()),
      name: profile ? "Ada Participant" : null,
      role,
      suspendedAt: suspended ? new Date() : null,
      profile: profile
        ? {
            create: {
              stakeholderGroup: "CIVIL_SOCIETY",
              region: "AFRICA",
              country: "KE",
              preferredLanguage: "en",
              codeOfConductAcceptedAt: new Date(),
            },
          }
        : undefined,
    },
  });
  return (await actorById(user.id))!;
}
