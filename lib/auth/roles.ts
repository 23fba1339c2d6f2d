import { z } from "zod";
import { recordAudit } from "@/lib/db/audit";
import { db } from "@/lib/db/client";
import { Role } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
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

/** Makes the people named in CONSULT_ADMIN_EMAILS administrators (at every start). */
export async function promoteConfiguredAdmins(emails: string[]) {
  for (const email of emails) {
    const user = await db.user.findUnique({ where: { email } });
    if (!user || user.role !== "ADMIN") await setUserRole(null, { email, role: "ADMIN" }, "cli");
  }
}
