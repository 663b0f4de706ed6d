import type { Page } from "@playwright/test";
import { test, expect, signIn, personPage, replayAction, uniqueKey } from "./fixtures";

async function createPostmortem(page: Page, name: string, severity: RegExp) {
  await page.goto("/postmortems/new");
  await page.getByLabel("Incident ID").fill(uniqueKey("INC-ROLE"));
  await page.getByLabel("Incident name").fill(name);
  await page.getByLabel(severity).check();
  await page.getByRole("button", { name: "Create postmortem" }).click();
  await expect(page).toHaveURL(/\/postmortems\/(?!new$)[a-z0-9]+$/);
  return page.url();
}

const summaryBox = (page: Page) => page.getByTestId("section-summary").getByLabel("In 2-3 sentences, what happened?");

test.describe("who may do what on the document", () => {
  test("a Low incident shows the short log form without the meeting clock", async ({ page }) => {
    await signIn(page, "facilitator");
    await createPostmortem(page, "Typo in a canned reply caught in review", /Low/);
    await expect(page.locator("header").getByTestId("review-type")).toHaveText("Log entry");
    await expect(page.getByText("Low-severity incidents are tracked as a log entry")).toBeVisible();
    await expect(page.getByTestId("section-summary")).toBeVisible();
    await expect(page.getByTestId("section-timeline")).toBeVisible();
    await expect(page.getByTestId("section-metrics")).toHaveCount(0);
    await expect(page.getByTestId("section-ai-causes")).toHaveCount(0);
    await expect(page.getByTestId("review-clock")).toHaveCount(0);
  });

  test("a High incident shows every section and the 48-hour countdown", async ({ page }) => {
    await signIn(page, "facilitator");
    await createPostmortem(page, "Drift alert ignored by the routing model", /High/);
    await expect(page.locator("header").getByTestId("review-type")).toHaveText("Full post-mortem");
    await expect(page.getByTestId("review-clock")).toContainText(/Due in|Overdue by/);
    await expect(page.getByTestId("section-nav").getByRole("link")).toHaveCount(13);
  });

  test("an attendee edits; a viewer's directly posted edit is refused and changes nothing", async ({ page, browser }) => {
    await signIn(page, "facilitator");
    const url = await createPostmortem(page, "Retrieval returned another tenant's document", /Critical/);
    const details = page.getByTestId("section-details");
    await details.getByLabel("Add attendee").selectOption({ label: "Sam Whitfield" });
    await details.getByRole("button", { name: "Add", exact: true }).click();
    await expect(details.getByTestId("participant-row").filter({ hasText: "Sam Whitfield" })).toBeVisible();

    // The facilitator's save is recorded, to be replayed by the viewer below.
    await summaryBox(page).fill("The retriever ignored the tenant filter.");
    const recorded = page.waitForRequest(
      (r) => r.method() === "POST" && !!r.headers()["next-action"] && !!r.postData()?.includes("The retriever ignored the tenant filter."),
    );
    await page.keyboard.press("Tab");
    const request = await recorded;
    await expect(page.getByTestId("section-summary").getByTestId("save-state")).toHaveText("Saved");

    const sam = await personPage(browser, "attendee");
    await sam.page.goto(url);
    await summaryBox(sam.page).fill("The retriever ignored the tenant filter after a config change.");
    await sam.page.keyboard.press("Tab");
    await expect(sam.page.getByTestId("section-summary").getByTestId("save-state")).toHaveText("Saved");
    await sam.context.close();

    const viewer = await personPage(browser, "viewer");
    await viewer.page.goto(url);
    await expect(viewer.page.getByTestId("section-summary").locator("textarea")).toHaveCount(0);
    const forged = (request.postData() ?? "").replace("The retriever ignored the tenant filter.", "Rewritten by a viewer.");
    expect(forged).toContain("Rewritten by a viewer.");
    const response = await replayAction(viewer.context.request, request, forged);
    expect(response.status).toBeLessThan(500);
    expect(response.text).toContain("FORBIDDEN");
    await viewer.context.close();

    await page.reload();
    await expect(summaryBox(page)).toHaveValue("The retriever ignored the tenant filter after a config change.");
  });
});
