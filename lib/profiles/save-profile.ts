import type { Actor } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/guards";
import { recordAudit } from "@/lib/db/audit";
import { db } from "@/lib/db/client";
import { parseInput } from "@/lib/validation";
import { profileSchema } from "./schemas";

/** Creates or updates the actor's own stakeholder profile. */
export async function saveProfile(actor: Actor | null, input: unknown) {
  const user = requireUser(actor);
  const { name, acceptCodeOfConduct: _accepted, ...profile } = parseInput(profileSchema, input);
  return db.$transaction(async (tx) => {
    const existing = await tx.stakeholderProfile.findUnique({ where: { userId: user.userId } });
    await tx.user.update({ where: { id: user.userId }, data: { name } });
    const saved = await tx.stakeholderProfile.upsert({
      where: { userId: user.userId },
      create: { userId: user.userId, ...profile, codeOfConductAcceptedAt: new Date() },
      update: profile,
    });
    await recordAudit(tx, {
      actorId: user.userId,
      action: existing ? "profile.updated" : "profile.completed",
      subjectType: "User",
      subjectId: user.userId,
      data: { name, ...profile },
    });
    return saved;
  });
}

export async function getProfile(actor: Actor | null) {
  const user = requireUser(actor);
  return db.user.findUniqueOrThrow({
    where: { id: user.userId },
    select: { email: true, name: true, role: true, profile: true },
  });
}
