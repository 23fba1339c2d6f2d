import { afterEach, describe, expect, it } from "vitest";
import { listOutbox } from "@/lib/auth/outbox";
import { requestSignIn } from "@/lib/auth/sign-in";
import { CLIENT_ADDRESS_HEADER, EDGE_HEADER, PROXIED_HEADER } from "@/lib/http/edge";
import { clientIp, readerOnThisMachine } from "@/lib/http/request-context";
import { uniqueEmail } from "../support/factories";

afterEach(() => {
  delete process.env.SMTP_URL;
  delete process.env.CONSULT_EDGE_SECRET;
});

describe("the development outbox", () => {
  it("shows sign-in mail to a reader on this machine only", async () => {
    const email = uniqueEmail();
    await requestSignIn({ email }, { ip: "127.0.0.1", locale: "en" });
    expect((await listOutbox(true))?.some((mail) => mail.to === email)).toBe(true);
    expect(await listOutbox(false)).toBeNull();
  });

  it("does not exist once SMTP is configured", async () => {
    process.env.SMTP_URL = "smtp://mail.example.org:25";
    expect(await listOutbox(true)).toBeNull();
  });
});

describe("the client's address in the app", () => {
  const edge = (values: Record<string, string>) => new Headers({ [EDGE_HEADER]: "edge-secret", ...values });

  it("is believed only from the app's own server, and this machine is loopback not relayed by a proxy", () => {
    process.env.CONSULT_EDGE_SECRET = "edge-secret";
    expect(clientIp(edge({ [CLIENT_ADDRESS_HEADER]: "203.0.113.5" }))).toBe("203.0.113.5");
    for (const address of ["127.0.0.1", "::1"]) expect(readerOnThisMachine(edge({ [CLIENT_ADDRESS_HEADER]: address })), address).toBe(true);
    expect(readerOnThisMachine(edge({ [CLIENT_ADDRESS_HEADER]: "203.0.113.5" }))).toBe(false);
    // A proxy on this machine makes every visitor loopback: not "this machine".
    expect(readerOnThisMachine(edge({ [CLIENT_ADDRESS_HEADER]: "127.0.0.1", [PROXIED_HEADER]: "1" }))).toBe(false);
    // Headers a client wrote itself, without the server's secret, are nobody's address.
    const forged = new Headers({ [EDGE_HEADER]: "guess", [CLIENT_ADDRESS_HEADER]: "127.0.0.1" });
    expect(clientIp(forged)).toBeNull();
    expect(readerOnThisMachine(forged)).toBe(false);
  });

  it("is nobody's when the app is served without its own server (no secret)", () => {
    expect(clientIp(edge({ [CLIENT_ADDRESS_HEADER]: "127.0.0.1" }))).toBeNull();
    expect(readerOnThisMachine(edge({ [CLIENT_ADDRESS_HEADER]: "127.0.0.1" }))).toBe(false);
  });
});
