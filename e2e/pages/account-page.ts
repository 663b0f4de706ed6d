import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { signIn, waitForHydration } from "../fixtures";

/** "Your account": password change and the list of sessions. */
export class AccountPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto("/account");
    await expect(this.page.getByRole("heading", { name: "Your account" })).toBeVisible();
  }

  sessions() {
    return this.page.getByTestId("sessions");
  }

  async changePassword(current: string, next: string) {
    await this.page.getByLabel("Current password").fill(current);
    await this.page.getByLabel("New password").fill(next);
    await this.page.getByRole("button", { name: "Change password" }).click();
  }
}

/** An administrator creates a fresh account (tests that lock or change passwords never touch demo users). */
export async function createAccount(adminPage: Page, email: string, password: string, role = "Member") {
  await adminPage.goto("/admin/users");
  await adminPage.getByLabel("Name", { exact: true }).fill(`Test ${email.split("@")[0]}`);
  await adminPage.getByLabel("Email", { exact: true }).fill(email);
  await adminPage.getByLabel("Initial password").fill(password);
  await adminPage.getByLabel("Role", { exact: true }).selectOption({ label: role });
  await adminPage.getByRole("button", { name: "Create account" }).click();
  await expect(adminPage.getByText(`(${email})`)).toBeVisible();
}

/** A browser context signed in with any email and password, optionally sending extra headers. */
export async function signedInContext(browser: Browser, email: string, password: string, headers?: Record<string, string>) {
  const context = await browser.newContext({ extraHTTPHeaders: headers });
  const page = waitForHydration(await context.newPage());
  await signIn(page, email, password);
  return { context, page };
}

/** Auth.js's own sign-out endpoint, called the way a script would (CSRF token first). */
export async function authJsSignOut(request: APIRequestContext) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  return request.post("/api/auth/signout", { form: { csrfToken }, maxRedirects: 0 });
}
