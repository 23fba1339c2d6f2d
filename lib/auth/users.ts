import { recordAudit } from "@/lib/db/audit";
import { db } from "@/lib/db/client";
import { adminEmails } from "./config";

/** Creates the account for a first sign-in; addresses in CONSULT_ADMIN_EMAILS become administrators. */
export function createUserForEmail(email: string, emailVerified: Date | null) {
  const role = adminEmails().includes(email) ? "ADMIN" : "PARTICIPANT";
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email, emailVerified, role } });
    await recordAudit(tx, { actorId: user.id, action: "user.registered", subjectType: "User", subjectId: user.id, data: { role } });
    return user;
  });
}
