import { test, expect, signIn, personPage, uniqueKey } from "./fixtures";
import type { Page } from "@playwright/test";

// The field sections of the document page: a facilitator fills every one, reloads and finds it all saved;
// bad input gets a field message and saves nothing; a viewer gets no controls at all.

async function createCritical(page: Page, name: string) {
  await page.goto("/postmortems/new");
  await page.getByLabel("Incident ID").fill(uniqueKey("INC-SEC"));
  await page.getByLabel("Incident name").fill(name);
  await page.getByLabel(/Critical/).check();
  await page.getByRole("button", { name: "Create postmortem" }).click();
  await expect(page).toHaveURL(/\/postmortems\/(?!new$)[a-z0-9]+$/);
  return page.url();
}

const section = (page: Page, id: string) => page.getByTestId(`section-${id}`);

/** Fields save themselves; leaving the last one saves it at once. */
async function saveSection(page: Page, id: string) {
  await page.keyboard.press("Tab");
  await expect(section(page, id).getByTestId("save-state")).toHaveText("Saved");
}

async function blurAndWait(page: Page, id: string) {
  await page.keyboard.press("Tab");
  await expect(section(page, id).getByTestId("save-state")).toHaveText("Saved");
}

test.describe("field sections of the document", () => {
  test("a facilitator fills every field section and finds it all after a reload", async ({ page }) => {
    await signIn(page, "facilitator");
    await createCritical(page, "Prompt change made the bot promise refunds");

    const summary = section(page, "summary");
    await summary
      .getByLabel("In 2-3 sentences, what happened?")
      .fill("A prompt change removed the refund policy guardrail. The bot promised refunds.");
    await expect(summary.getByTestId("summary-sentences")).toHaveText(/2 sentences/);
    await saveSection(page, "summary");

    const rootCause = section(page, "root-cause");
    await rootCause.getByLabel("Why 1?").fill("The prompt no longer included the refund policy.");
    await blurAndWait(page, "root-cause");
    await rootCause.getByLabel("Why 2?").fill("The prompt change was shipped without an eval run.");
    await blurAndWait(page, "root-cause");
    await rootCause.getByLabel("Problem", { exact: true }).fill("The support bot promised refunds it could not honour.");
    await rootCause.getByLabel("Root cause", { exact: true }).fill("Prompt releases had no evaluation gate.");
    await rootCause.getByLabel("Root cause category").selectOption("PROCESS");
    await saveSection(page, "root-cause");

    const factors = section(page, "factors");
    await factors.getByLabel("Factor 1 description").fill("No regression suite for refund questions.");
    await blurAndWait(page, "factors");
    await factors.getByLabel("Factor 2 category").selectOption("TECHNICAL");
    await expect(factors.getByTestId("save-state")).toHaveText("Saved");

    const aiCauses = section(page, "ai-causes");
    await aiCauses.getByRole("checkbox", { name: /Prompt change/ }).check();
    await expect(aiCauses.getByTestId("save-state")).toHaveText("Saved");
    await aiCauses.getByLabel("Evidence for prompt change").fill("Diff of support-prompt v14 drops the policy paragraph.");
    await blurAndWait(page, "ai-causes");

    const aiContext = section(page, "ai-context");
    await aiContext.getByLabel("Provider").fill("OpenAI");
    await aiContext.getByLabel("Model and version").fill("gpt-4o-2024-08-06");
    await aiContext.getByLabel("Prompt/template version or hash").fill("support-v14");
    await aiContext.getByLabel("Evaluation score before").fill("0.92");
    await aiContext.getByLabel("Evaluation score after").fill("0.71");
    await saveSection(page, "ai-context");

    const impact = section(page, "impact");
    await impact.getByLabel("Customer impact level").selectOption("HIGH");
    await impact.getByLabel("Customer impact detail").fill("212 customers were promised refunds.");
    await impact.getByLabel("Revenue impact detail").fill("Goodwill refunds honoured.");
    await saveSection(page, "impact");

    const lessons = section(page, "lessons");
    await lessons.getByLabel("What went well?").fill("Rollback took ten minutes.");
    await lessons.getByLabel("What could be improved?").fill("Prompt changes need review.");
    await lessons.getByLabel("What will we do differently next time?").fill("Run the eval suite on every prompt change.");
    await saveSection(page, "lessons");

    const details = section(page, "details");
    await details.getByLabel("Add attendee").selectOption({ label: "Sam Whitfield" });
    await details.getByLabel("Attendee role").selectOption("ATTENDEE");
    await details.getByRole("button", { name: "Add", exact: true }).click();
    await expect(details.getByTestId("participant-row").filter({ hasText: "Sam Whitfield" })).toBeVisible();
    await details.getByLabel("Add attendee").selectOption({ label: "Lena Fischer" });
    await details.getByLabel("Attendee role").selectOption("LEADERSHIP_OBSERVER");
    await details.getByRole("button", { name: "Add", exact: true }).click();
    await expect(details.getByTestId("participant-row").filter({ hasText: "Lena Fischer" })).toBeVisible();

    const external = section(page, "external-summary");
    await external.getByLabel("Customer-facing incident").check();
    await external
      .getByLabel("What happened", { exact: true })
      .fill("Our assistant gave wrong refund answers; we fixed it and added checks.");
    await saveSection(page, "external-summary");

    await page.reload();
    await expect(section(page, "summary").getByLabel("In 2-3 sentences, what happened?")).toHaveValue(
      /removed the refund policy guardrail/,
    );
    await expect(section(page, "root-cause").getByLabel("Why 1?")).toHaveValue("The prompt no longer included the refund policy.");
    await expect(section(page, "root-cause").getByLabel("Why 2?")).toHaveValue("The prompt change was shipped without an eval run.");
    await expect(section(page, "root-cause").getByLabel("Problem", { exact: true })).toHaveValue(/promised refunds/);
    await expect(section(page, "root-cause").getByLabel("Root cause", { exact: true })).toHaveValue(
      "Prompt releases had no evaluation gate.",
    );
    await expect(section(page, "root-cause").getByLabel("Root cause category")).toHaveValue("PROCESS");
    await expect(section(page, "factors").getByLabel("Factor 1 description")).toHaveValue("No regression suite for refund questions.");
    await expect(section(page, "factors").getByLabel("Factor 2 category")).toHaveValue("TECHNICAL");
    await expect(section(page, "ai-causes").getByRole("checkbox", { name: /Prompt change/ })).toBeChecked();
    await expect(section(page, "ai-causes").getByLabel("Evidence for prompt change")).toHaveValue(/support-prompt v14/);
    await expect(section(page, "ai-context").getByLabel("Provider")).toHaveValue("OpenAI");
    await expect(section(page, "ai-context").getByLabel("Model and version")).toHaveValue("gpt-4o-2024-08-06");
    await expect(section(page, "ai-context").getByLabel("Prompt/template version or hash")).toHaveValue("support-v14");
    await expect(section(page, "ai-context").getByLabel("Evaluation score before")).toHaveValue("0.92");
    await expect(section(page, "ai-context").getByLabel("Evaluation score after")).toHaveValue("0.71");
    await expect(section(page, "impact").getByLabel("Customer impact level")).toHaveValue("HIGH");
    await expect(section(page, "impact").getByLabel("Customer impact detail")).toHaveValue("212 customers were promised refunds.");
    await expect(section(page, "impact").getByLabel("Revenue impact detail")).toHaveValue("Goodwill refunds honoured.");
    await expect(section(page, "lessons").getByLabel("What went well?")).toHaveValue("Rollback took ten minutes.");
    await expect(section(page, "lessons").getByLabel("What could be improved?")).toHaveValue("Prompt changes need review.");
    await expect(section(page, "lessons").getByLabel("What will we do differently next time?")).toHaveValue(/eval suite/);
    const rows = section(page, "details").getByTestId("participant-row");
    await expect(rows.filter({ hasText: "Sam Whitfield" }).getByLabel("Role of Sam Whitfield")).toHaveValue("ATTENDEE");
    await expect(rows.filter({ hasText: "Lena Fischer" }).getByLabel("Role of Lena Fischer")).toHaveValue("LEADERSHIP_OBSERVER");
    await expect(rows.filter({ hasText: "Priya Raman" })).toContainText("Facilitator");
    await expect(section(page, "external-summary").getByLabel("Customer-facing incident")).toBeChecked();
    await expect(section(page, "external-summary").getByLabel("What happened", { exact: true })).toHaveValue(/wrong refund answers/);
  });

  test("an over-long summary or a meeting date before the incident shows a field message and saves nothing", async ({ page }) => {
    await signIn(page, "facilitator");
    await createCritical(page, "Bad input stays out");

    const summary = section(page, "summary");
    await summary.getByLabel("In 2-3 sentences, what happened?").fill("x".repeat(2001));
    await page.keyboard.press("Tab");
    await expect(summary.getByText("Summary must be at most 2000 characters.")).toBeVisible();
    await expect(summary.getByTestId("save-state")).toHaveText("Not saved");

    const details = section(page, "details");
    await details.getByLabel("Post-mortem date (UTC)").fill("2020-01-01T10:00");
    await page.keyboard.press("Tab");
    await expect(details.getByText("The post-mortem date cannot be before the date of the incident.")).toBeVisible();
    await expect(details.getByLabel("Post-mortem date (UTC)")).toHaveAttribute("aria-invalid", "true");

    await page.reload();
    await expect(section(page, "summary").getByLabel("In 2-3 sentences, what happened?")).toHaveValue("");
    await expect(section(page, "details").getByLabel("Post-mortem date (UTC)")).toHaveValue("");
  });

  test("a viewer sees the field sections without any inputs", async ({ page, browser }) => {
    await signIn(page, "facilitator");
    const url = await createCritical(page, "Viewer reads only");
    await section(page, "summary").getByLabel("In 2-3 sentences, what happened?").fill("The bot misread a policy.");
    await saveSection(page, "summary");

    const viewer = await personPage(browser, "viewer");
    await viewer.page.goto(url);
    await expect(section(viewer.page, "summary")).toContainText("The bot misread a policy.");
    for (const id of [
      "details",
      "severity",
      "summary",
      "root-cause",
      "factors",
      "ai-causes",
      "ai-context",
      "impact",
      "lessons",
      "external-summary",
    ]) {
      const s = section(viewer.page, id);
      await expect(s).toBeVisible();
      await expect(s.locator("input, textarea, select")).toHaveCount(0);
      // Reading the comments is open to everyone who sees the postmortem; nothing else is a button.
      await expect(s.getByRole("button", { name: /^(?!Comments on )/ })).toHaveCount(0);
    }
    await viewer.context.close();
  });
});
