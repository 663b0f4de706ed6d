import { test, expect, signIn, personPage } from "./fixtures";
import { PostmortemDocument } from "./pages/postmortem-document";

// The field sections of the document page: a facilitator fills every one, reloads and finds it all saved;
// bad input gets a field message and saves nothing; a viewer gets no controls at all.

test.describe("field sections of the document", () => {
  test("a facilitator fills every field section and finds it all after a reload", async ({ page }) => {
    await signIn(page, "facilitator");
    const doc = new PostmortemDocument(page);
    await doc.create({ name: "Prompt change made the bot promise refunds", severity: "Critical" });

    const summary = doc.section("summary");
    await summary
      .getByLabel("In 2-3 sentences, what happened?")
      .fill("A prompt change removed the refund policy guardrail. The bot promised refunds.");
    await expect(summary.getByTestId("summary-sentences")).toHaveText(/2 sentences/);
    await doc.leaveAndSave("summary");

    const rootCause = doc.section("root-cause");
    await rootCause.getByLabel("Why 1?").fill("The prompt no longer included the refund policy.");
    await doc.leaveAndSave("root-cause");
    await rootCause.getByLabel("Why 2?").fill("The prompt change was shipped without an eval run.");
    await doc.leaveAndSave("root-cause");
    await rootCause.getByLabel("Problem", { exact: true }).fill("The support bot promised refunds it could not honour.");
    await rootCause.getByLabel("Root cause", { exact: true }).fill("Prompt releases had no evaluation gate.");
    await rootCause.getByLabel("Root cause category").selectOption("PROCESS");
    await doc.leaveAndSave("root-cause");

    const factors = doc.section("factors");
    await factors.getByLabel("Factor 1 description").fill("No regression suite for refund questions.");
    await doc.leaveAndSave("factors");
    await factors.getByLabel("Factor 2 category").selectOption("TECHNICAL");
    await expect(factors.getByTestId("save-state")).toHaveText("Saved");

    const aiCauses = doc.section("ai-causes");
    await aiCauses.getByRole("checkbox", { name: /Prompt change/ }).check();
    await expect(aiCauses.getByTestId("save-state")).toHaveText("Saved");
    await aiCauses.getByLabel("Evidence for prompt change").fill("Diff of support-prompt v14 drops the policy paragraph.");
    await doc.leaveAndSave("ai-causes");

    const aiContext = doc.section("ai-context");
    await aiContext.getByLabel("Provider").fill("OpenAI");
    await aiContext.getByLabel("Model and version").fill("gpt-4o-2024-08-06");
    await aiContext.getByLabel("Prompt/template version or hash").fill("support-v14");
    await aiContext.getByLabel("Evaluation score before").fill("0.92");
    await aiContext.getByLabel("Evaluation score after").fill("0.71");
    await doc.leaveAndSave("ai-context");

    const impact = doc.section("impact");
    await impact.getByLabel("Customer impact level").selectOption("HIGH");
    await impact.getByLabel("Customer impact detail").fill("212 customers were promised refunds.");
    await impact.getByLabel("Revenue impact detail").fill("Goodwill refunds honoured.");
    await doc.leaveAndSave("impact");

    const lessons = doc.section("lessons");
    await lessons.getByLabel("What went well?").fill("Rollback took ten minutes.");
    await lessons.getByLabel("What could be improved?").fill("Prompt changes need review.");
    await lessons.getByLabel("What will we do differently next time?").fill("Run the eval suite on every prompt change.");
    await doc.leaveAndSave("lessons");

    const details = doc.section("details");
    await details.getByLabel("Add attendee").selectOption({ label: "Sam Whitfield" });
    await details.getByLabel("Attendee role").selectOption("ATTENDEE");
    await details.getByRole("button", { name: "Add", exact: true }).click();
    await expect(details.getByTestId("participant-row").filter({ hasText: "Sam Whitfield" })).toBeVisible();
    await details.getByLabel("Add attendee").selectOption({ label: "Lena Fischer" });
    await details.getByLabel("Attendee role").selectOption("LEADERSHIP_OBSERVER");
    await details.getByRole("button", { name: "Add", exact: true }).click();
    await expect(details.getByTestId("participant-row").filter({ hasText: "Lena Fischer" })).toBeVisible();

    const external = doc.section("external-summary");
    await external.getByLabel("Customer-facing incident").check();
    await external
      .getByLabel("What happened", { exact: true })
      .fill("Our assistant gave wrong refund answers; we fixed it and added checks.");
    await doc.leaveAndSave("external-summary");

    await page.reload();
    await expect(doc.section("summary").getByLabel("In 2-3 sentences, what happened?")).toHaveValue(/removed the refund policy guardrail/);
    await expect(doc.section("root-cause").getByLabel("Why 1?")).toHaveValue("The prompt no longer included the refund policy.");
    await expect(doc.section("root-cause").getByLabel("Why 2?")).toHaveValue("The prompt change was shipped without an eval run.");
    await expect(doc.section("root-cause").getByLabel("Problem", { exact: true })).toHaveValue(/promised refunds/);
    await expect(doc.section("root-cause").getByLabel("Root cause", { exact: true })).toHaveValue(
      "Prompt releases had no evaluation gate.",
    );
    await expect(doc.section("root-cause").getByLabel("Root cause category")).toHaveValue("PROCESS");
    await expect(doc.section("factors").getByLabel("Factor 1 description")).toHaveValue("No regression suite for refund questions.");
    await expect(doc.section("factors").getByLabel("Factor 2 category")).toHaveValue("TECHNICAL");
    await expect(doc.section("ai-causes").getByRole("checkbox", { name: /Prompt change/ })).toBeChecked();
    await expect(doc.section("ai-causes").getByLabel("Evidence for prompt change")).toHaveValue(/support-prompt v14/);
    await expect(doc.section("ai-context").getByLabel("Provider")).toHaveValue("OpenAI");
    await expect(doc.section("ai-context").getByLabel("Model and version")).toHaveValue("gpt-4o-2024-08-06");
    await expect(doc.section("ai-context").getByLabel("Prompt/template version or hash")).toHaveValue("support-v14");
    await expect(doc.section("ai-context").getByLabel("Evaluation score before")).toHaveValue("0.92");
    await expect(doc.section("ai-context").getByLabel("Evaluation score after")).toHaveValue("0.71");
    await expect(doc.section("impact").getByLabel("Customer impact level")).toHaveValue("HIGH");
    await expect(doc.section("impact").getByLabel("Customer impact detail")).toHaveValue("212 customers were promised refunds.");
    await expect(doc.section("impact").getByLabel("Revenue impact detail")).toHaveValue("Goodwill refunds honoured.");
    await expect(doc.section("lessons").getByLabel("What went well?")).toHaveValue("Rollback took ten minutes.");
    await expect(doc.section("lessons").getByLabel("What could be improved?")).toHaveValue("Prompt changes need review.");
    await expect(doc.section("lessons").getByLabel("What will we do differently next time?")).toHaveValue(/eval suite/);
    const rows = doc.section("details").getByTestId("participant-row");
    await expect(rows.filter({ hasText: "Sam Whitfield" }).getByLabel("Role of Sam Whitfield")).toHaveValue("ATTENDEE");
    await expect(rows.filter({ hasText: "Lena Fischer" }).getByLabel("Role of Lena Fischer")).toHaveValue("LEADERSHIP_OBSERVER");
    await expect(rows.filter({ hasText: "Priya Raman" })).toContainText("Facilitator");
    await expect(doc.section("external-summary").getByLabel("Customer-facing incident")).toBeChecked();
    await expect(doc.section("external-summary").getByLabel("What happened", { exact: true })).toHaveValue(/wrong refund answers/);
  });

  test("an over-long summary or a meeting date before the incident shows a field message and saves nothing", async ({ page }) => {
    await signIn(page, "facilitator");
    const doc = new PostmortemDocument(page);
    await doc.create({ name: "Bad input stays out", severity: "Critical" });

    const summary = doc.section("summary");
    await summary.getByLabel("In 2-3 sentences, what happened?").fill("x".repeat(2001));
    await page.keyboard.press("Tab");
    await expect(summary.getByText("Summary must be at most 2000 characters.")).toBeVisible();
    await expect(summary.getByTestId("save-state")).toHaveText("Not saved");

    const details = doc.section("details");
    await details.getByLabel("Post-mortem date (UTC)").fill("2020-01-01T10:00");
    await page.keyboard.press("Tab");
    await expect(details.getByText("The post-mortem date cannot be before the date of the incident.")).toBeVisible();
    await expect(details.getByLabel("Post-mortem date (UTC)")).toHaveAttribute("aria-invalid", "true");

    await page.reload();
    await expect(doc.section("summary").getByLabel("In 2-3 sentences, what happened?")).toHaveValue("");
    await expect(doc.section("details").getByLabel("Post-mortem date (UTC)")).toHaveValue("");
  });

  test("a viewer sees the field sections without any inputs", async ({ page, browser }) => {
    await signIn(page, "facilitator");
    const doc = new PostmortemDocument(page);
    const { url } = await doc.create({ name: "Viewer reads only", severity: "Critical" });
    await doc.section("summary").getByLabel("In 2-3 sentences, what happened?").fill("The bot misread a policy.");
    await doc.leaveAndSave("summary");

    const viewer = await personPage(browser, "viewer");
    const viewerDoc = new PostmortemDocument(viewer.page);
    await viewerDoc.open(url);
    await expect(viewerDoc.section("summary")).toContainText("The bot misread a policy.");
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
      const s = viewerDoc.section(id);
      await expect(s).toBeVisible();
      await expect(s.locator("input, textarea, select")).toHaveCount(0);
      // Reading the comments is open to everyone who sees the postmortem; nothing else is a button.
      await expect(s.getByRole("button", { name: /^(?!Comments on )/ })).toHaveCount(0);
    }
    await viewer.context.close();
  });
});
