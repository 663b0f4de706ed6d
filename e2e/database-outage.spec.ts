// The database goes away for 10 seconds: pages say so plainly, /api/health answers 503, and the app
// comes back by itself once the database is reachable again (nobody restarts anything).
import { test, expect, signIn } from "./fixtures";
import { startIsolatedApp, type IsolatedApp } from "./pages/isolated-app";

const serverUrl = process.env.TEST_DATABASE_URL;

test.describe("database outage", () => {
  test.skip(!serverUrl, "needs TEST_DATABASE_URL: the embedded database lives inside the app process");
  test.setTimeout(240_000);
  let app: IsolatedApp;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    app = await startIsolatedApp(serverUrl as string);
  });
  test.afterAll(async () => {
    await app?.stop();
  });

  test("shows 'database unavailable', reports 503 and recovers by itself", async ({ browser }) => {
    const context = await browser.newContext({ baseURL: app.baseURL });
    const page = await context.newPage();
    await signIn(page, "viewer");
    await page.goto("/postmortems");
    await expect(page.getByRole("heading", { name: /postmortems/i }).first()).toBeVisible();

    app.proxy.cut();
    const cutAt = Date.now();
    await expect.poll(async () => (await context.request.get("/api/health")).status(), { timeout: 15_000 }).toBe(503);
    await page.reload();
    await expect(page.getByTestId("database-unavailable")).toContainText("Database unavailable");

    await page.waitForTimeout(Math.max(0, 10_000 - (Date.now() - cutAt)));
    app.proxy.restore();
    // The unavailable page retries on its own every few seconds: no reload by the person.
    await expect(page.getByTestId("database-unavailable")).toHaveCount(0, { timeout: 30_000 });
    await expect(page.getByRole("heading", { name: /postmortems/i }).first()).toBeVisible();
    expect((await context.request.get("/api/health")).status()).toBe(200);
    await context.close();
  });
});
