import { test as base, expect, type Browser, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "postmortem-demo";
export const USERS = {
  admin: "admin@example.com",
  facilitator: "priya@example.com",
  attendee: "sam@example.com",
  manager: "lena@example.com",
  viewer: "viewer@example.com",
} as const;

export type Who = keyof typeof USERS;

export async function signIn(page: Page, who: Who | string, password = DEMO_PASSWORD) {
  const email = who in USERS ? USERS[who as Who] : who;
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/postmortems/);
}

/** A separate browser context signed in as someone: one "person" in a multi-user test. */
export async function personPage(browser: Browser, who: Who) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, who);
  return { context, page };
}

/** Unique per run, so tests can share one database without colliding. */
export function uniqueKey(prefix = "INC-E2E") {
  return `${prefix}-${Date.now().toString(36).toUpperCase()}${Math.floor(Math.random() * 1000)}`;
}

export const test = base;
export { expect };
