import { describe, expect, it } from "vitest";
import { migrationUrl, poolerMode } from "@/lib/db/pool-config";

describe("DATABASE_POOLER", () => {
  it("is transaction mode only when it says so, and refuses anything it does not know", () => {
    expect(poolerMode({})).toBeNull();
    expect(poolerMode({ DATABASE_POOLER: "" })).toBeNull();
    expect(poolerMode({ DATABASE_POOLER: "session" })).toBeNull();
    expect(poolerMode({ DATABASE_POOLER: " Transaction " })).toBe("transaction");
    expect(() => poolerMode({ DATABASE_POOLER: "statement" })).toThrow(/DATABASE_POOLER must be "transaction" or unset \(it is "statement"\)/);
  });

  it("migrates through DIRECT_DATABASE_URL when it is set", () => {
    expect(migrationUrl("postgres://pooler/consult", {})).toBe("postgres://pooler/consult");
    expect(migrationUrl("postgres://pooler/consult", { DIRECT_DATABASE_URL: "postgres://db/consult" })).toBe("postgres://db/consult");
  });
});
