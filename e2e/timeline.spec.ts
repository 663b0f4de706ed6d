import { test, expect, signIn } from "./fixtures";
import { PostmortemDocument } from "./pages/postmortem-document";

test.describe("timeline and key metrics", () => {
  test("a facilitator fills the template's milestone times by keyboard and the key metrics derive from them", async ({ page }) => {
    await signIn(page, "facilitator");
    const doc = new PostmortemDocument(page);
    await doc.create({ name: "Support bot quoted a retired refund policy", severity: "Critical" });
    const timeline = page.getByTestId("section-timeline");
    const time = (n: number) => timeline.getByLabel(`Time (UTC) of row ${n}`);
    await expect(timeline.getByTestId("timeline-row")).toHaveCount(8);
    await expect(timeline.getByLabel("Event of row 1")).toHaveValue("First occurrence of the issue");

    // Milestone rows of the template: type the time, ArrowDown to the next row's time (Diagnosed is left empty).
    await time(1).focus();
    for (const value of ["09:00", "09:40", "09:50", "", "10:30", "11:00", "", ""]) {
      if (value) await page.keyboard.type(value);
      await page.keyboard.press("ArrowDown");
    }
    await expect(time(8)).toBeFocused();
    await expect(time(1)).toHaveValue(/^\d{4}-\d{2}-\d{2} 09:00$/);
    const day = (await time(1).inputValue()).slice(0, 10);

    // Enter in the last row saves it and opens a new row below, focused on its time cell.
    await page.keyboard.press("Enter");
    await expect(timeline.getByTestId("timeline-row")).toHaveCount(9);
    await expect(time(9)).toBeFocused();
    await page.keyboard.type("08:45");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Vendor rolled the model alias");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Vendor");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Alias now points at the new snapshot");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Vendor");
    await page.keyboard.press("Tab");
    await doc.allSaved();

    await page.reload();
    // 08:45 comes before the first occurrence, so the server keeps it at the top.
    const expected: [string, string][] = [
      [`${day} 08:45`, "Vendor rolled the model alias"],
      [`${day} 09:00`, "First occurrence of the issue"],
      [`${day} 09:40`, "Alert triggered / issue detected"],
      [`${day} 09:50`, "Incident acknowledged by on-call"],
      ["", "Initial diagnosis"],
      [`${day} 10:30`, "Mitigation applied"],
      [`${day} 11:00`, "Service restored / issue resolved"],
      ["", "Root cause confirmed"],
      ["", "Post-mortem scheduled"],
    ];
    for (const [i, [at, event]] of expected.entries()) {
      await expect(time(i + 1)).toHaveValue(at);
      await expect(timeline.getByLabel(`Event of row ${i + 1}`)).toHaveValue(event);
    }
    await expect(timeline.getByLabel("Actor of row 1")).toHaveValue("Vendor");
    await expect(timeline.getByLabel("Notes of row 1")).toHaveValue("Alias now points at the new snapshot");
    await expect(timeline.getByLabel("Kind of row 1")).toHaveValue("VENDOR_MODEL_UPDATE");
    await expect(timeline.getByLabel("Milestone of row 2")).toHaveValue("FIRST_OCCURRENCE");

    const metrics = page.getByTestId("section-metrics");
    const figures = { detect: "40 min", acknowledge: "10 min", mitigate: "50 min", resolve: "1 h 20 min", duration: "2 h" };
    for (const [key, value] of Object.entries(figures)) {
      await expect(metrics.getByTestId(`metric-${key}-value`)).toHaveText(value);
      await expect(metrics.getByTestId(`metric-${key}-source`)).toHaveText("derived from timeline");
    }

    // A near miss: acknowledging did not happen as such.
    await metrics.getByLabel("Time to acknowledge not applicable").check();
    await expect(metrics.getByTestId("metric-acknowledge-source")).toHaveText("not applicable");
    await expect(metrics.getByTestId("save-state")).toHaveText("Saved");
    await page.reload();
    await expect(metrics.getByTestId("metric-acknowledge-value")).toHaveText("—");
    await expect(metrics.getByTestId("metric-acknowledge-source")).toHaveText("not applicable");
    await expect(metrics.getByLabel("Time to acknowledge not applicable")).toBeChecked();
    await expect(metrics.getByTestId("metric-detect-value")).toHaveText("40 min");

    // The revenue amount is read in its currency (yen have no minor unit), so the two are saved together.
    await metrics.getByLabel("Revenue impact currency").selectOption("JPY");
    await metrics.getByLabel("Revenue impact amount").fill("12500");
    await metrics.getByLabel("Revenue impact amount").press("Tab");
    await expect(metrics.getByTestId("save-state")).toHaveText("Saved");
    await expect(page.getByTestId("page-save-state")).toHaveText("All changes saved");
    await page.reload();
    await expect(metrics.getByLabel("Revenue impact currency")).toHaveValue("JPY");
    await expect(metrics.getByLabel("Revenue impact amount")).toHaveValue("12500");
  });

  test("an impossible time gets a field message and saves nothing", async ({ page }) => {
    await signIn(page, "facilitator");
    const doc = new PostmortemDocument(page);
    await doc.create({ name: "Prompt change doubled token usage", severity: "Critical" });
    const timeline = page.getByTestId("section-timeline");
    const cell = timeline.getByLabel("Time (UTC) of row 4");
    await cell.fill("2026-02-30 10:00");
    await cell.press("Tab");
    await expect(timeline.getByText("Enter the time as YYYY-MM-DD HH:mm (UTC), or HH:mm on the incident day.")).toBeVisible();
    await expect(cell).toHaveAttribute("aria-invalid", "true");
    await expect(cell).toHaveAttribute("aria-describedby", /error/);
    await page.waitForLoadState("networkidle");
    await page.reload();
    await expect(timeline.getByLabel("Time (UTC) of row 4")).toHaveValue("");
  });

  test("a negative count or override is refused with a field message", async ({ page }) => {
    await signIn(page, "facilitator");
    const doc = new PostmortemDocument(page);
    await doc.create({ name: "Eval regression shipped to production", severity: "Critical" });
    const metrics = page.getByTestId("section-metrics");
    await metrics.getByLabel("Users affected").fill("-3");
    await metrics.getByLabel("Users affected").press("Tab");
    await expect(metrics.getByText("Users affected can't be negative.")).toBeVisible();
    await metrics.getByLabel("Time to detect in minutes").fill("-5");
    await metrics.getByLabel("Time to detect in minutes").press("Tab");
    await expect(metrics.getByText("Time to detect can't be negative.")).toBeVisible();
    await page.waitForLoadState("networkidle");
    await page.reload();
    await expect(metrics.getByLabel("Users affected")).toHaveValue("");
    await expect(metrics.getByTestId("metric-detect-source")).toHaveText("missing: needs First occurrence and Detected times");
  });
});
