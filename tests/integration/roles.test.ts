import { describe, expect, it } from "vitest";
import { requireSecretariat } from "@/lib/auth/guards";
import { setUserRole } from "@/lib/auth/roles";
import { actorById } from "@/lib/auth/actor-by-id";
import { db } from "@/lib/db/client";
import { failure } from "../support/failure";
import { createActor, uniqueEmail } from "../support/factories";


describe("roles", () => {
  it("lets the command line name an administrator before they have signed in", async () => {
    const email = uniqueEmail("first-admin");
    const user = await setUserRole(null, { email, role: "ADMIN" }, "cli");
    expect(user.role).toBe("ADMIN");
    const actor = await actorById(user.id);
    expect(() => requireSecretariat(actor)).not.toThrow();
    expect(await db.auditEvent.count({ where: { subjectId: user.id, action: "user.role_changed" } })).toBe(1);
  });

  it("lets only administrators change roles on the web", async () => {
    const target = await createActor();
    const secretariat = await createActor({ role: "SECRETARIAT" });
    const admin = await createActor({ role: "ADMIN" });
    const email = (await db.user.findUniqueOrThrow({ where: { id: target.userId } })).email;
    expect((await failure(setUserRole(secretariat, { email, role: "ADMIN" }))).code).toBe("FORBIDDEN");
    expect((await failure(setUserRole(null, { email, role: "ADMIN" }))).code).toBe("UNAUTHENTICATED");
    expect((await failure(setUserRole(admin, { email: uniqueEmail(), role: "SECRETARIAT" }))).code).toBe("NOT_FOUND");
    expect((await failure(setUserRole(admin, { email, role: "KING" }))).details.fieldErrors).toEqual({ role: "errors.roleInvalid" });
    await setUserRole(admin, { email, role: "SECRETARIAT" });
    expect((await actorById(target.userId))?.role).toBe("SECRETARIAT");
  });
});
