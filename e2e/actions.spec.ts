import { test, expect, signIn, personPage } from "./fixtures";
import type { Page } from "@playwright/test";
import { PostmortemDocument } from "./pages/postmortem-document";

const DEMO_CRITICAL = "Vendor model update produced hallucinated refund promises";

/** Resolves when the next server action posted by the page has answered (presence beats aside). */
function actionResponse(page: Page) {
  return page.waitForResponse(
    (r) => r.request().method() === "POST" && !!r.request().headers()["next-action"] && !r.request().postData()?.includes('"tabId"'),
  );
}

test.describe("corrective actions", () => {
  test("the facilitator adds an action with a proposed deadline; its owner tracks it in My actions", async ({ page, browser }) => {
    await signIn(page, "facilitator");
    const doc = new PostmortemDocument(page);
    const { key } = await doc.create({
      name: "Embedding drift degraded search answers",
      severity: "Medium",
      incidentDate: "2026-11-10T10:00",
    });

    const horizon = page.getByTestId("actions-IMMEDIATE");
    await horizon.getByRole("button", { name: "Add immediate action" }).click();
    const form = horizon.getByTestId("add-action-IMMEDIATE");
    // No meeting date yet, so the proposal is the incident date + 7 days.
    await expect(form.getByLabel("Deadline")).toHaveValue("2026-11-17");

    const row = await doc.addImmediateAction("Add a drift alert on embedding similarity");
    await expect(row.getByLabel("Deadline of action 1")).toHaveValue("2026-11-17");
    await row.getByLabel("Owner of action 1").selectOption({ label: "Sam Whitfield" });
    await expect(row.getByTestId("save-state")).toHaveText("Saved");
    const statusSaved = actionResponse(page);
    await row.getByLabel("Status of action 1").selectOption("IN_PROGRESS");
    await statusSaved;
    await expect(row.getByTestId("save-state")).toHaveText("Saved");

    await page.reload();
    const saved = page.getByTestId("actions-IMMEDIATE").getByTestId("action-row").first();
    await expect(saved.getByLabel("Owner of action 1")).toHaveValue(/.+/);
    await expect(saved.getByLabel("Owner of action 1").locator("option:checked")).toHaveText("Sam Whitfield");
    await expect(saved.getByLabel("Status of action 1")).toHaveValue("IN_PROGRESS");

    const sam = await personPage(browser, "attendee");
    await sam.page.getByRole("link", { name: "My actions" }).click();
    await expect(sam.page.getByRole("heading", { name: "My actions" })).toBeVisible();
    const mine = sam.page.getByTestId("my-action-row").filter({ hasText: key });
    await expect(mine).toContainText("Add a drift alert on embedding similarity");
    await expect(mine).toContainText("Immediate");
    const doneSaved = actionResponse(sam.page);
    await mine.getByLabel(/^Status of/).selectOption("DONE");
    await doneSaved;
    await expect(mine.getByTestId("save-state")).toHaveText("Saved");
    await sam.page.reload();
    await expect(
      sam.page
        .getByTestId("my-action-row")
        .filter({ hasText: key })
        .getByLabel(/^Status of/),
    ).toHaveValue("DONE");
    await sam.context.close();
  });
});

// These steps publish and reopen the demo Critical postmortem, so they run in order and leave it in review.
test.describe.serial("review lifecycle on the demo Critical postmortem", () => {
  test("publishing is refused while an action has no owner, then succeeds, is read-only, and reopens", async ({ page }) => {
    page.on("dialog", (dialog) => void dialog.accept());
    await signIn(page, "facilitator");
    await page.goto("/postmortems?q=INC-2026-0041");
    await page.getByRole("link", { name: DEMO_CRITICAL }).click();
    await expect(page.getByRole("heading", { name: DEMO_CRITICAL })).toBeVisible();

    const rowsBefore = await page.getByTestId("actions-IMMEDIATE").getByTestId("action-row").count();
    const row = await new PostmortemDocument(page).addImmediateAction("Add eval gate");
    const panel = page.getByTestId("publish-panel");
    await panel.getByRole("button", { name: "Check & publish" }).click();
    const problems = panel.getByTestId("publish-problems");
    await expect(problems).toContainText(/Action \d+ "Add eval gate" has no owner/);
    await expect(problems.getByRole("link", { name: "Corrective actions" }).first()).toHaveAttribute("href", "#actions");
    await expect(panel).toContainText("Not ready to publish");

    const ownerSaved = actionResponse(page);
    await row.getByLabel(/^Owner of action/).selectOption({ label: "Priya Raman" });
    await ownerSaved;
    await expect(row.getByTestId("save-state")).toHaveText("Saved");
    await panel.getByRole("button", { name: "Check & publish" }).click();
    const anyway = panel.getByRole("button", { name: "Publish anyway" });
    const banner = page.getByText("Published — read-only. The facilitator or an admin can reopen it.");
    await expect(anyway.or(banner)).toBeVisible();
    if (await anyway.isVisible()) await anyway.click();
    await expect(banner).toBeVisible();
    await expect(page.getByRole("button", { name: "Add immediate action" })).toHaveCount(0);
    await expect(page.getByTestId("actions-IMMEDIATE").getByRole("combobox")).toHaveCount(0);

    await panel.getByRole("button", { name: "Reopen" }).click();
    await expect(banner).toHaveCount(0);
    await expect(panel.getByText("In review")).toBeVisible();

    // Leave the demo as it was: remove the action this test added.
    const added = page.getByTestId("actions-IMMEDIATE").getByTestId("action-row").last();
    await expect(added.getByRole("textbox").first()).toHaveValue("Add eval gate");
    await added.getByRole("button", { name: /^Delete action/ }).click();
    await expect(page.getByTestId("actions-IMMEDIATE").getByTestId("action-row")).toHaveCount(rowsBefore);
  });

  test("a member who is not the facilitator sees no reopen button", async ({ browser }) => {
    // Priya attends INC-2026-0038; Sam facilitates it.
    const priya = await personPage(browser, "facilitator");
    await priya.page.goto("/postmortems?q=INC-2026-0038");
    await priya.page.getByRole("link", { name: "Prompt change made the support bot refuse order-status questions" }).click();
    await expect(priya.page.getByText("Published — read-only. The facilitator or an admin can reopen it.")).toBeVisible();
    await expect(priya.page.getByRole("button", { name: "Reopen" })).toHaveCount(0);
    await priya.context.close();
  });

  test("the print view shows the sections in the template's order", async ({ page }) => {
    await signIn(page, "manager");
    await page.goto("/postmortems?q=INC-2026-0041");
    await page.getByRole("link", { name: DEMO_CRITICAL }).click();
    await expect(page).toHaveURL(/\/postmortems\/(?!new$)[a-z0-9]+$/);
    await page.goto(`${page.url().replace(/#.*$/, "")}/print`);
    await expect(page.getByRole("button", { name: "Print / Save as PDF" })).toBeVisible();
    const headings = await page.getByTestId("print-section").locator("h2").allTextContents();
    expect(headings.slice(0, 13)).toEqual([
      "Incident Summary",
      "Severity",
      "Summary",
      "Key Metrics",
      "Timeline of Events",
      "Root Cause Analysis (5 Whys)",
      "Contributing Factors",
      "AI-Specific Root Causes",
      "AI System Context",
      "Impact Assessment",
      "Corrective Actions",
      "Lessons Learned",
      "Blameless Culture Reminder",
    ]);
    await expect(page.getByTestId("print-document")).toContainText("INC-2026-0041");
    await page.goto("/postmortems/doesnotexist123/print");
    await expect(page.getByText(/not found|does not exist/i).first()).toBeVisible();
  });
});
