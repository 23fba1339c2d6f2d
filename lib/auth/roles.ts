import { z } from "zod";
import { recordAudit } from "@/lib/db/audit";
import { db } from "@/lib/db/client";
import { Role } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { recordId, userText } from "@/lib/text/user-text";
import { parseInput } from "@/lib/validation";
import type { Actor } from "./actor";
import { requireAdmin } from "./guards";
import { emailField } from "./schemas";

export const setRoleSchema = z.object({ email: emailField, role: z.enum(Role, "errors.roleInvalid") });

/**
 * Gives a person a role. `actor` null means the operator at the command line
 * (npm run user:role), who may also name someone who has not signed in yet.
 */
export async function setUserRole(actor: Actor | null, input: unknown, via: "cli" | "web" = "web") {
  if (via === "web") requireAdmin(actor);
  const { email, role } = parseInput(setRoleSchema, input);
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email } });
    if (!existing && via === "web") throw new AppError("NOT_FOUND");
    const user = existing
      ? await tx.user.update({ where: { id: existing.id }, data: { role } })
      : await tx.user.create({ data: { email, role } });
    await recordAudit(tx, {
      actorId: actor?.userId ?? null,
      action: "user.role_changed",
      subjectType: "User",
      subjectId: user.id,
      data: { from: existing?.role ?? null, to: role, via },
    });
    return user;
  });
}

export const PUBLIC_REASON_MAX = 500;

export const suspensionSchema = z.object({
  userId: recordId,
  publicReason: userText({ max: PUBLIC_REASON_MAX, tooLong: "errors.reasonTooLong" }).optional(),
});

/** Suspends a person and ends every session they have; their content stays. */
export async function suspendUser(actor: Actor | null, input: unknown) {
  const admin = requireAdmin(actor);
  const { userId, publicReason } = parseInput(suspensionSchema, input);
  if (userId === admin.userId) throw new AppError("FORBIDDEN");
  return db.$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id: userId }, data: { suspendedAt: new Date() } });
    const ended = await tx.session.deleteMany({ where: { userId } });
    await tx.moderationAction.create({
      data: { action: "SUSPEND_USER", userId, moderatorId: admin.userId, publicReason: publicReason ?? null },
    });
    await recordAudit(tx, {
      actorId: admin.userId,
      action: "user.suspended",
      subjectType: "User",
      subjectId: userId,
      data: { sessionsEnded: ended.count, publicReason: publicReason ?? null },
    });
    return user;
  });
}

export async function reinstateUser(actor: Actor | null, input: unknown) {
  const admin = requireAdmin(actor);
  const { userId, publicReason } = parseInput(suspensionSchema, input);
  return db.$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id: userId }, data: { suspendedAt: null } });
    await tx.moderationAction.create({
      data: { action: "REINSTATE_USER", userId, moderatorId: admin.userId, publicReason: publicReason ?? null },
    });
    await recordAudit(tx, { actorId: admin.userId, action: "user.reinstated", subjectType: "User", subjectId: userId });
    return user;
  });
}

/** Makes the people named in CONSULT_ADMIN_EMAILS administrators (at every start). */
export async function promoteConfiguredAdmins(emails: string[]) {
  for (const email of emails) {
    const user = await db.user.findUnique({ where: { email } });
    if (!user || user.role !== "ADMIN") await setUserRole(null, { email, role: "ADMIN" }, "cli");
  }
}
