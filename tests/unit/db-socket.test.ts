import { describe, expect, it } from "vitest";
import { noDelaySocket } from "@/lib/db/sql";

/** What postgres.js does with the socket: it awaits it (from a timer when reconnecting), then listens. */
function connectAsPostgresJsDoes(host: string, port: number) {
  return new Promise<string>((resolve) => {
    setTimeout(async () => {
      const socket = await Promise.resolve(noDelaySocket({ host: [host], port: [port] }));
      const timer = setTimeout(() => resolve("no answer"), 2_000);
      socket.once("error", (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        resolve(error.code ?? "error");
      });
      socket.once("connect", () => {
        clearTimeout(timer);
        socket.destroy();
        resolve("connected");
      });
    }, 0);
  });
}

describe("the hot path's database socket", () => {
  it("reports a refused connection to its pool as an error event", async () => {
    expect(await connectAsPostgresJsDoes("127.0.0.1", 1)).toBe("ECONNREFUSED");
  });

  it("reports an error that connect() gives at once (an unreachable network) only once the pool listens", async () => {
    // Before the fix this was an uncaught exception (the run fails on it); now it is an ordinary error, or no answer.
    expect(["ENETUNREACH", "EHOSTUNREACH", "EADDRNOTAVAIL", "no answer"]).toContain(await connectAsPostgresJsDoes("224.0.0.1", 5432));
  });
});
