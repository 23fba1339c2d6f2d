import { describe, expect, it } from "vitest";
import { versionNamed } from "@/lib/consultations/public-history";

const versions = [{ number: 2 }, { number: 3 }, { number: 4 }];

describe("versionNamed (the message page's ?version=)", () => {
  it("is the current version without the parameter, and the named one with it", () => {
    expect(versionNamed(versions, undefined)).toEqual({ number: 4 });
    expect(versionNamed(versions, "2")).toEqual({ number: 2 });
    expect(versionNamed(versions, "4")).toEqual({ number: 4 });
  });

  it("names nothing for an unknown, malformed or repeated parameter", () => {
    for (const param of ["1", "5", "0", "-2", "2.0", "02", " 2", "x", "", "99999999999"]) expect(versionNamed(versions, param), param).toBeNull();
    expect(versionNamed(versions, ["2", "3"])).toBeNull();
    expect(versionNamed([], undefined)).toBeNull();
  });
});
