import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable, isStatementTimeout } from "@/lib/db/unavailable";

const prismaWrapping = (cause: object) => Object.assign(new Error("Invalid `prisma.x()` invocation"), { code: "P2010", meta: { driverAdapterError: { cause } } });

describe("a database that cannot serve", () => {
  it("is told apart from a bug, in postgres.js, node-postgres and Prisma's wrapping alike", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("starting up"), { code: "57P03" }))).toBe(true);
    expect(isDatabaseUnavailable(prismaWrapping({ kind: "DatabaseNotReachable" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    // Ours to fix: a protocol violation, a unique violation, a plain bug.
    expect(isDatabaseUnavailable(Object.assign(new Error("protocol"), { code: "08P01" }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("duplicate"), { code: "23505" }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
  });

  it("includes a statement cut off by its timeout, which is also singled out to be logged whole", () => {
    const timeout = Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" });
    expect(isDatabaseUnavailable(timeout)).toBe(true);
    expect(isStatementTimeout(timeout)).toBe(true);
    expect(isStatementTimeout(prismaWrapping({ kind: "postgres", code: "57014" }))).toBe(true);
    expect(isStatementTimeout(Object.assign(new Error("refused"), { code: "ECONNREFUSED" }))).toBe(false);
    // An error that refers to itself is looked at, not serialised.
    const circular: Record<string, unknown> = { message: "loop" };
    circular.cause = circular;
    expect(isStatementTimeout(circular)).toBe(false);
  });
});
