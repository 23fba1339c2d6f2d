import { afterEach, describe, expect, it } from "vitest";
import { listOutbox } from "@/lib/auth/outbox";
import { requestSignIn } from "@/lib/auth/sign-in";
import { uniqueEmail } from "../support/factories";

afterEach(() => {
  delete process.env.SMTP_URL;
});

describe("the development outbox", () => {
  it("shows sign-in mail to a reader on this machine only", async () => {
    const email = uniqueEmail();
    await requestSignIn({ email }, { ip: "127.0.0.1", locale: "en" });
    for (const address of ["127.0.0.1", "::1", "::ffff:127.0.0.1"]) {
      expect((await listOutbox(address))?.some((mail) => mail.to === email), address).toBe(true);
    }
    // Another machine, or an address nobody established (the app served without its own server), sees nothing.
    for (const address of ["203.0.113.5", "10.0.0.2", null]) expect(await listOutbox(address), String(address)).toBeNull();
  });

  it("does not exist once SMTP is configured", async () => {
    process.env.SMTP_URL = "smtp://mail.example.org:25";
    expect(await listOutbox("127.0.0.1")).toBeNull();
  });
});
