import { describe, expect, it } from "vitest";
import { actorById } from "@/lib/auth/actor-by-id";
import { db } from "@/lib/db/client";
import { saveProfile } from "@/lib/profiles/save-profile";
import { failure } from "../support/failure";
import { createActor } from "../support/factories";

const complete = {
  name: "Wanjiru Kamau",
  stakeholderGroup: "TECHNICAL_COMMUNITY",
  region: "AFRICA",
  country: "ke",
  organisation: "  ",
  preferredLanguage: "zh",
  acceptCodeOfConduct: true,
};


describe("stakeholder profile", () => {
  it("completes a new user's profile, which then lets them take part", async () => {
    const actor = await createActor({ profile: false });
    expect(actor.hasProfile).toBe(false);
    const saved = await saveProfile(actor, complete);
    expect(saved).toMatchObject({ stakeholderGroup: "TECHNICAL_COMMUNITY", region: "AFRICA", country: "KE", organisation: null });
    expect(saved.codeOfConductAcceptedAt).toBeInstanceOf(Date);
    expect((await actorById(actor.userId))?.hasProfile).toBe(true);
    const audit = await db.auditEvent.findFirst({ where: { subjectId: actor.userId, action: "profile.completed" } });
    expect(audit).not.toBeNull();
  });

  it("names every missing or wrong field", async () => {
    const actor = await createActor({ profile: false });
    const error = await failure(saveProfile(actor, { name: " ", country: "XX", stakeholderGroup: "ROYALTY" }));
    expect(error.code).toBe("VALIDATION");
    expect(error.details.fieldErrors).toEqual({
      name: "errors.nameRequired",
      stakeholderGroup: "errors.groupRequired",
      region: "errors.regionRequired",
      country: "errors.countryInvalid",
      preferredLanguage: "errors.languageRequired",
      acceptCodeOfConduct: "errors.codeOfConductRequired",
    });
    expect(await db.stakeholderProfile.findUnique({ where: { userId: actor.userId } })).toBeNull();
  });

  it("updates a profile and keeps when the code was accepted", async () => {
    const actor = await createActor({ profile: false });
    const first = await saveProfile(actor, complete);
    const second = await saveProfile(actor, { ...complete, organisation: "KICTANet", region: "INTERGOVERNMENTAL_ORGANISATION" });
    expect(second.organisation).toBe("KICTANet");
    expect(second.codeOfConductAcceptedAt).toEqual(first.codeOfConductAcceptedAt);
    expect(await db.auditEvent.count({ where: { subjectId: actor.userId, action: "profile.updated" } })).toBe(1);
  });

  it("refuses anonymous visitors and suspended users", async () => {
    expect((await failure(saveProfile(null, complete))).code).toBe("UNAUTHENTICATED");
    const suspended = await createActor({ suspended: true });
    expect((await failure(saveProfile(suspended, complete))).code).toBe("SUSPENDED");
  });
});
