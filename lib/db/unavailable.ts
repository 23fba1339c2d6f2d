/**
 * Whether an error means the database cannot serve now (down, restarting,
 * out of connections, too slow), as opposed to a bug or a refused row: such a
 * request is answered 503 with Retry-After and may simply be tried again.
 * Covers postgres.js, node-postgres and Prisma's driver-adapter errors.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return someCause(
    error,
    ({ code, kind, message }) =>
      (typeof code === "string" && (CONNECTION_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) ||
      (typeof kind === "string" && ADAPTER_KINDS.has(kind)) ||
      (typeof message === "string" && POOL_MESSAGES.some((text) => message.includes(text))),
  );
}

/** A statement PostgreSQL cancelled at its timeout: answered 503 too, but it may be a slow query of ours. */
export function isStatementTimeout(error: unknown): boolean {
  return someCause(error, ({ code, message }) => code === "57014" || (typeof message === "string" && message.includes("statement timeout")));
}

type ErrorFacts = { code?: unknown; kind?: unknown; message?: unknown };

/** Whether the error, or one of the errors it wraps (Prisma's driver-adapter error, a cause), says so. */
function someCause(error: unknown, says: (facts: ErrorFacts) => boolean): boolean {
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    if (says(current as ErrorFacts)) return true;
    current = causeOf(current);
  }
  return false;
}

/** Node's socket errors, postgres.js's connection errors and Prisma's (can't reach, closed, timed out, pool timeout). */
const CONNECTION_CODES = new Set([
  "ECONNREFUSED", "ECONNRESET", "ECONNABORTED", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "EADDRNOTAVAIL", "ENOTFOUND", "EAI_AGAIN",
  "CONNECT_TIMEOUT", "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED",
  "P1001", "P1002", "P1008", "P1017", "P2024", "P2028",
]);

/**
 * SQLSTATE: connection exceptions (08…, but not 08P01, a protocol violation:
 * our bug), too many connections (53300), the server shutting down or
 * starting up (57P01–57P03), a statement cancelled by its timeout (57014:
 * answered 503, and logged as an error, since a slow query may be ours).
 */
const UNAVAILABLE_SQLSTATE = /^(08(?!P01)[0-9A-Z]{3}|53300|57P0[123]|57014)$/;

/** @prisma/adapter-pg's names for the same failures. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

/** node-postgres says these in words only. */
const POOL_MESSAGES = ["Connection terminated", "timeout exceeded when trying to connect", "Client has encountered a connection error"];

function causeOf(error: object): unknown {
  const { cause, meta } = error as { cause?: unknown; meta?: { driverAdapterError?: { cause?: unknown } } };
  return meta?.driverAdapterError?.cause ?? cause;
}
