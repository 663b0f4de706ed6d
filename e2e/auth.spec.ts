import { test, expect, signIn, waitForHydration, USERS, DEMO_PASSWORD } from "./fixtures";

test.describe("sign-in", () => {
  test("a demo user signs in and lands on the overview", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);
    await signIn(page, "facilitator");
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
    await expect(page.getByTestId("current-user")).toHaveText("Priya Raman");
    // The demo's published postmortem is among the recently published.
    await expect(page.getByTestId("recently-published")).toContainText("INC-2026-0038");
  });

  test("a wrong password and an unknown email get the same message", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(USERS.manager);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("form-error")).toHaveText("The email or password is not right.");

    await page.getByLabel("Email").fill("nobody-here@example.com");
    await page.getByLabel("Password").fill("whatever-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByLabel("Password")).toHaveValue("");
    await expect(page.getByTestId("form-error")).toHaveText("The email or password is not right.");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("empty fields get field messages", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Email is required.")).toBeVisible();
    await expect(page.getByText("Password is required.")).toBeVisible();
  });

  test("repeated failures lock the account with a retry time, even for the right password", async ({ page }) => {
    const email = "throttle-target@example.com";
    await page.goto("/sign-in");
    for (let i = 0; i < 5; i++) {
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(`wrong-${i}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      // The form clears the password once the answer is in; only then is the next attempt typed.
      await expect(page.getByLabel("Password")).toHaveValue("");
      await expect(page.getByTestId("form-error")).toHaveText("The email or password is not right.");
      await expect(page.getByLabel("Email")).toHaveValue(email);
    }
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("wrong-again");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("form-error")).toHaveText(/Too many sign-in attempts\. Try again in \d+ minutes?\./);
  });

  test("after sign-out the old session cookie no longer works", async ({ page, browser }) => {
    await signIn(page, "attendee");
    const cookies = await page.context().cookies();
    expect(cookies.some((c) => c.name.includes("session-token"))).toBe(true);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);

    const replay = await browser.newContext();
    await replay.addCookies(cookies);
    const replayPage = await replay.newPage();
    await replayPage.goto("/postmortems");
    await expect(replayPage).toHaveURL(/\/sign-in/);
    await replay.close();
  });

  test("an admin can create an account that can then sign in", async ({ page, browser }) => {
    await signIn(page, "admin");
    await page.getByRole("link", { name: "Users" }).click();
    const email = `new-${Date.now()}@example.com`;
    await page.getByLabel("Name").fill("New Colleague");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Initial password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
    await page.getByLabel("Initial password").fill("a-long-enough-password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText(`Created New Colleague (${email}).`)).toBeVisible();

    const other = await browser.newContext();
    const otherPage = waitForHydration(await other.newPage());
    await signIn(otherPage, email, "a-long-enough-password");
    await other.close();
    expect(DEMO_PASSWORD).toBeTruthy();
  });
});
