import { test, expect, signIn, personPage, replayAction, uniqueKey } from "./fixtures";

test.describe("postmortem list and creation", () => {
  test("the list shows the demo postmortems and filters by search", async ({ page }) => {
    await signIn(page, "manager");
    await page.getByRole("link", { name: "All postmortems" }).click();
    const table = page.getByTestId("postmortem-table");
    await expect(table.getByText("Vendor model update produced hallucinated refund promises")).toBeVisible();
    await page.getByLabel("Search postmortems").fill('"hallucinated refund promises"');
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(table.getByRole("link")).toHaveCount(1);
    await page.getByLabel("Search postmortems").fill("no-such-incident-anywhere");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page.getByText("No postmortems match these filters.")).toBeVisible();
  });

  test("a member creates a postmortem and lands on its page", async ({ page }) => {
    await signIn(page, "facilitator");
    await expect(page.getByRole("link", { name: "New postmortem" })).toBeVisible();
    // A full page load, typed into at once: the suggested key must be replaced, not merged with the typing.
    await page.goto("/postmortems/new");
    await expect(page.getByLabel("Incident ID")).toHaveValue(/^INC-\d{4}-\d{4}$/);
    const key = uniqueKey();
    await page.getByLabel("Incident ID").fill(key);
    await page.getByLabel("Incident name").fill("Retrieval index served stale policy documents");
    await page.getByLabel(/High/).check();
    await page.getByRole("button", { name: "Create postmortem" }).click();
    await expect(page).toHaveURL(/\/postmortems\/(?!new$)[a-z0-9]+$/);
    await expect(page.getByRole("heading", { name: "Retrieval index served stale policy documents" })).toBeVisible();
    await expect(page.getByText(key, { exact: true })).toBeVisible();

    await page.goto("/postmortems");
    await expect(page.getByRole("link", { name: "Retrieval index served stale policy documents" })).toBeVisible();
  });

  test("bad input gets field messages and creates nothing", async ({ page }) => {
    await signIn(page, "facilitator");
    await page.goto("/postmortems/new");
    await page.getByLabel("Incident ID").fill("");
    await page.getByLabel("Incident name").fill("x".repeat(201));
    await page.getByRole("button", { name: "Create postmortem" }).click();
    await expect(page.getByText("Incident ID is required.")).toBeVisible();
    await expect(page.getByText("Incident name must be at most 200 characters.")).toBeVisible();
    await expect(page.getByText("Choose a severity.")).toBeVisible();

    // A duplicate Incident ID is caught by the server.
    await page.getByLabel("Incident ID").fill("INC-2026-0041");
    await page.getByLabel("Incident name").fill("Duplicate key attempt");
    await page.getByLabel(/Medium/).check();
    await page.getByRole("button", { name: "Create postmortem" }).click();
    await expect(page.getByText("That Incident ID is already used by another postmortem.").first()).toBeVisible();
    await expect(page).toHaveURL(/\/postmortems\/new$/);
  });

  test("a viewer sees no create button, and a create request posted directly is refused and writes nothing", async ({ page, browser }) => {
    // Record what the browser sends when a member creates a postmortem…
    await signIn(page, "facilitator");
    await page.goto("/postmortems/new");
    await page.getByLabel("Incident ID").fill(uniqueKey());
    await page.getByLabel("Incident name").fill("Recorded request");
    await page.getByLabel(/Low/).check();
    const requestPromise = page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
    await page.getByRole("button", { name: "Create postmortem" }).click();
    const recorded = await requestPromise;
    await expect(page).toHaveURL(/\/postmortems\/(?!new$)[a-z0-9]+$/);

    // …then replay it as a viewer with a fresh Incident ID.
    const viewer = await personPage(browser, "viewer");
    await expect(viewer.page.getByRole("link", { name: "New postmortem" })).toHaveCount(0);
    const forbiddenKey = uniqueKey("INC-VIEWER");
    const body = (recorded.postData() ?? "").replace(/INC-E2E-[A-Z0-9]+/, forbiddenKey).replace("Recorded request", "Viewer attempt");
    const response = await replayAction(viewer.context.request, recorded, body);
    expect(response.status).toBeLessThan(500);
    expect(response.text).toContain("FORBIDDEN");

    await page.goto(`/postmortems?q=${forbiddenKey}`);
    await expect(page.getByText("No postmortems match these filters.")).toBeVisible();
    await viewer.context.close();
  });
});
