import { test as base, expect, type APIRequestContext, type Browser, type Page, type Request } from "@playwright/test";

export const DEMO_PASSWORD = "postmortem-demo";
export const USERS = {
  admin: "admin@example.com",
  facilitator: "priya@example.com",
  attendee: "sam@example.com",
  manager: "lena@example.com",
  viewer: "viewer@example.com",
} as const;

export type Who = keyof typeof USERS;

/** Full page loads wait until React has hydrated (see components/shell/hydration-marker.tsx). */
export function waitForHydration(page: Page) {
  const goto = page.goto.bind(page);
  const reload = page.reload.bind(page);
  const hydrated = () => page.waitForSelector("html[data-hydrated]", { state: "attached" });
  page.goto = async (...args) => {
    const response = await goto(...args);
    await hydrated();
    return response;
  };
  page.reload = async (...args) => {
    const response = await reload(...args);
    await hydrated();
    return response;
  };
  return page;
}

export async function signIn(page: Page, who: Who | string, password = DEMO_PASSWORD) {
  const email = who in USERS ? USERS[who as Who] : who;
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Signed-in people land on the overview (or the page they were sent away from).
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/** A separate browser context signed in as someone: one "person" in a multi-user test. */
export async function personPage(browser: Browser, who: Who, options: { baseURL?: string } = {}) {
  const context = await browser.newContext(options.baseURL ? { baseURL: options.baseURL } : {});
  const page = waitForHydration(await context.newPage());
  await signIn(page, who);
  return { context, page };
}

/** Unique per run, so tests can share one database without colliding. */
export function uniqueKey(prefix = "INC-E2E") {
  return `${prefix}-${Date.now().toString(36).toUpperCase()}${Math.floor(Math.random() * 1000)}`;
}

/**
 * Sends a recorded server-action request again from someone else's session, with its body rewritten:
 * what a person could do with the browser's dev tools. Returns the status and the response text.
 */
export async function replayAction(requestContext: APIRequestContext, recorded: Request, body: string) {
  const response = await requestContext.post(recorded.url(), {
    headers: {
      "next-action": recorded.headers()["next-action"],
      "content-type": recorded.headers()["content-type"] ?? "text/plain;charset=UTF-8",
      accept: "text/x-component",
      origin: new URL(recorded.url()).origin,
    },
    data: body,
  });
  return { status: response.status(), text: await response.text() };
}

export const test = base.extend({
  // Playwright's fixture callback is named `use`, which the React hooks lint rule mistakes for React's.
  page: async ({ page }, provide) => {
    await provide(waitForHydration(page));
  },
});
export { expect };
