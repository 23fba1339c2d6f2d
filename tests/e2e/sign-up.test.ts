import { describe, expect, it } from "vitest";
import { expectNoSeriousA11yViolations, launchBrowser, readSignInMail, signInWithCode, uniqueEmail } from "./support/browser";

const browser = launchBrowser();
const newEmail = uniqueEmail;

describe("a new stakeholder signs up", () => {
  it("requests a code, signs in with it, completes the profile, and signs out", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const email = newEmail("newcomer");

    await page.goto("/");
    await page.getByRole("link", { name: "Sign in" }).click();
    // Waits as long as a navigation may take on a busy machine (a poll gives up after a second).
    await page.getByRole("heading", { level: 1, name: "Sign in or register" }).waitFor();
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel("E-mail address").fill(email);
    await page.getByRole("button", { name: "Send me a sign-in link" }).click();
    await page.getByRole("heading", { name: "Check your e-mail" }).waitFor();
    await expectNoSeriousA11yViolations(page);

    const { code } = await readSignInMail(context, email);
    await page.getByLabel("Six-digit code").fill(code);
    await page.getByRole("button", { name: "Sign in" }).click();

    // A new account goes straight to the stakeholder profile.
    await page.getByRole("heading", { name: "Complete your stakeholder profile" }).waitFor();
    await page.getByRole("button", { name: "Save and continue" }).click();
    await page.getByText("Enter a display name.").waitFor();
    expect(await page.getByLabel("Display name").getAttribute("aria-invalid")).toBe("true");
    await page.getByText("You need to accept the code of participation to take part.").waitFor();
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel("Display name").fill("Amina Diallo");
    await page.getByLabel("Stakeholder group").selectOption({ label: "Civil society" });
    await page.getByLabel("Region").selectOption({ label: "Africa" });
    await page.getByLabel("Country").selectOption({ label: "Senegal" });
    await page.getByLabel("Organisation").fill("Jonction");
    await page.getByLabel(/I have read and accept/).check();
    await page.getByRole("button", { name: "Save and continue" }).click();

    await page.getByRole("heading", { name: "Your account" }).waitFor();
    await page.getByText("Your profile has been saved.").waitFor();
    await page.getByText("Civil society").waitFor();
    await page.getByText("Senegal").waitFor();
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await page.getByRole("link", { name: "Sign in" }).waitFor();
    await page.goto("/account");
    await page.getByRole("heading", { name: "Sign in or register" }).waitFor();
    await context.close();
  });

  it("lists their sessions and signs out everywhere else, which ends the other browser's session only", async () => {
    const email = newEmail("two-browsers");
    const [laptop, phone] = [await browser.newContext(), await browser.newContext()];
    const [laptopPage, phonePage] = [await laptop.newPage(), await phone.newPage()];
    await signInWithCode(laptopPage, email);
    await signInWithCode(phonePage, email);

    await phonePage.goto("/account");
    const sessions = phonePage.getByRole("table").filter({ has: phonePage.getByRole("columnheader", { name: "Signed in" }) });
    await expect.poll(() => sessions.getByRole("row").count()).toBe(3);
    await sessions.getByRole("rowheader", { name: "This browser" }).waitFor();
    await expectNoSeriousA11yViolations(phonePage);
    await phonePage.getByRole("button", { name: "Sign out everywhere else" }).click();
    await expect.poll(() => sessions.getByRole("row").count()).toBe(2);

    await laptopPage.goto("/account");
    await laptopPage.getByRole("heading", { name: "Sign in or register" }).waitFor();
    await phonePage.goto("/account");
    await phonePage.getByRole("heading", { name: "Your account" }).waitFor();
    await laptop.close();
    await phone.close();
  });

  it("signs in with the link from the e-mail, which then cannot be used again", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const email = newEmail("by-link");
    await page.goto("/sign-in");
    await page.getByLabel("E-mail address").fill(email);
    await page.getByRole("button", { name: "Send me a sign-in link" }).click();
    await page.getByRole("heading", { name: "Check your e-mail" }).waitFor();

    const { link } = await readSignInMail(context, email);
    // Opening the link does nothing by itself (a mail scanner opening it spends nothing): the button signs in.
    await page.goto(link);
    await page.getByRole("heading", { name: "Sign in to Consult" }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Complete your stakeholder profile" }).waitFor();
    await page.getByRole("link", { name: "Your account" }).waitFor();

    // Opened again by the person now signed in: they are told so, and go on.
    await page.goto(link);
    await page.getByRole("heading", { name: "You are already signed in" }).waitFor();
    await page.getByRole("link", { name: "Continue" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));

    const other = await (await browser.newContext()).newPage();
    await other.goto(link);
    await other.getByRole("button", { name: "Sign in" }).click();
    await other.getByRole("heading", { name: "Sign-in did not work" }).waitFor();
    await other.getByText(/expired or has already been used/).waitFor();
    await expectNoSeriousA11yViolations(other);
    await context.close();
  });

  it("keeps what was typed and explains a bad address, also without JavaScript", async () => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto("/sign-in");
      await page.getByLabel("E-mail address").fill("someone@@example");
      await page.getByRole("button", { name: "Send me a sign-in link" }).click();
      await page.getByText("Enter an e-mail address in the form name@example.org.").waitFor();
      expect(await page.getByLabel("E-mail address").inputValue()).toBe("someone@@example");
      // axe needs scripts; the page with JavaScript is the same markup.
      if (javaScriptEnabled) await expectNoSeriousA11yViolations(page);
      await context.close();
    }
  });

  it("refuses a wrong code next to the field", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const email = newEmail("wrong-code");
    await page.goto("/sign-in");
    await page.getByLabel("E-mail address").fill(email);
    await page.getByRole("button", { name: "Send me a sign-in link" }).click();
    const { code } = await readSignInMail(context, email);
    const wrong = code.startsWith("0") ? "999 999" : "000 000";
    await page.getByLabel("Six-digit code").fill(wrong);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("This code is not right.", { exact: false }).waitFor();
    expect(await page.getByLabel("Six-digit code").inputValue()).toBe(wrong);
    await context.close();
  });
});

describe("language and access", () => {
  it("switches the interface to Chinese and sets the page language", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto("/code-of-participation");
    const languages = page.getByRole("form", { name: "Language" });
    // The switch is a disclosure: its buttons show once it is open.
    await languages.locator("summary").click();
    expect(await languages.getByRole("button", { name: "English" }).getAttribute("aria-current")).toBe("true");
    await languages.getByRole("button", { name: "中文" }).click();
    await page.getByRole("heading", { name: "参与守则", level: 1 }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("zh");
    await expectNoSeriousA11yViolations(page);
    await context.close();
  });

  it("sends anonymous visitors to sign in and refuses participants the secretariat pages", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto("/admin");
    await page.getByRole("heading", { name: "Sign in or register" }).waitFor();

    const email = newEmail("participant");
    await page.getByLabel("E-mail address").fill(email);
    await page.getByRole("button", { name: "Send me a sign-in link" }).click();
    const { code } = await readSignInMail(context, email);
    await page.getByLabel("Six-digit code").fill(code);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Complete your stakeholder profile" }).waitFor();

    const response = await page.goto("/admin");
    expect(response?.status()).toBe(403);
    await page.getByRole("heading", { name: "Not allowed" }).waitFor();
    await context.close();
  });
});
