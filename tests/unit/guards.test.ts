import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { isSecretariat, requireAdmin, requireParticipant, requireSecretariat, requireUser } from "@/lib/auth/guards";

const actor = (overrides: Partial<Actor> = {}): Actor => ({
  userId: "u1",
  role: "PARTICIPANT",
  email: "a@example.org",
  name: "A",
  hasProfile: true,
  suspended: false,
  writingLanguage: "en",
  ...overrides,
});

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return "OK";
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe("role guards", () => {
  it.each([
    ["anonymous", null, { user: "UNAUTHENTICATED", participant: "UNAUTHENTICATED", secretariat: "UNAUTHENTICATED", admin: "UNAUTHENTICATED" }],
    ["no profile", actor({ hasProfile: false }), { user: "OK", participant: "PROFILE_INCOMPLETE", secretariat: "FORBIDDEN", admin: "FORBIDDEN" }],
    ["participant", actor(), { user: "OK", participant: "OK", secretariat: "FORBIDDEN", admin: "FORBIDDEN" }],
    ["secretariat", actor({ role: "SECRETARIAT" }), { user: "OK", participant: "OK", secretariat: "OK", admin: "FORBIDDEN" }],
    ["admin", actor({ role: "ADMIN" }), { user: "OK", participant: "OK", secretariat: "OK", admin: "OK" }],
    ["suspended admin", actor({ role: "ADMIN", suspended: true }), { user: "SUSPENDED", participant: "SUSPENDED", secretariat: "SUSPENDED", admin: "SUSPENDED" }],
  ] as const)("%s", (_label, who, expected) => {
    expect({
      user: codeOf(() => requireUser(who)),
      participant: codeOf(() => requireParticipant(who)),
      secretariat: codeOf(() => requireSecretariat(who)),
      admin: codeOf(() => requireAdmin(who)),
    }).toEqual(expected);
  });

  it("isSecretariat mirrors requireSecretariat for showing links", () => {
    expect(isSecretariat(null)).toBe(false);
    expect(isSecretariat(actor({ role: "SECRETARIAT" }))).toBe(true);
    expect(isSecretariat(actor({ role: "ADMIN", suspended: true }))).toBe(false);
  });
});
