import { expect, type Locator, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";

/**
 * Filters are a plain GET form: wait for the filtered page's own load, not the page already on screen
 * (its rows would otherwise be read, or selected, just before the navigation replaces them).
 */
async function submitFilters(page: Page) {
  const loaded = page.waitForResponse((response) => response.request().isNavigationRequest());
  await page.getByRole("button", { name: "Apply filters" }).click();
  await loaded;
  await page.waitForLoadState();
}

/** The postmortem list: search and filters (a GET form, so every state is a URL). */
export class PostmortemList {
  constructor(readonly page: Page) {}
  readonly results = () => this.page.getByTestId("postmortem-result");

  async open(query = "") {
    await this.page.goto(`/postmortems${query}`);
  }

  async search(text: string) {
    await this.page.getByLabel("Search postmortems").fill(text);
    await this.apply();
  }

  async filter(values: Partial<Record<"Severity" | "AI root cause" | "Tag" | "Team" | "Status", string>>) {
    for (const [label, value] of Object.entries(values)) await this.page.getByLabel(label, { exact: true }).selectOption({ label: value });
    await this.apply();
  }

  async apply() {
    await submitFilters(this.page);
  }

  count() {
    return this.page.getByTestId("result-count");
  }
}

/** Insights: each chart's accessible table is read as rows of cells. */
export class InsightsPage {
  constructor(readonly page: Page) {}

  async open(query: string) {
    await this.page.goto(`/insights${query}`);
  }

  table(id: string): Locator {
    return this.page.getByTestId(`table-${id}`);
  }

  async showTable(id: string) {
    const details = this.page.getByTestId(`chart-${id}`).locator("details");
    if ((await details.getAttribute("open")) === null) await details.locator("summary").click();
  }

  /** The cells of the table row whose header is `rowHeader`. */
  async row(id: string, rowHeader: string): Promise<string[]> {
    await this.showTable(id);
    const row = this.table(id)
      .locator("tr")
      .filter({ has: this.page.getByRole("rowheader", { name: rowHeader, exact: true }) });
    return row.locator("td").allTextContents();
  }

  figure(testId: string) {
    return this.page.getByTestId(testId);
  }
}

/** The corrective-action tracker: filters, selection, the bulk bar and the CSV download. */
export class TrackerPage {
  constructor(readonly page: Page) {}
  readonly rows = () => this.page.getByTestId("tracker-row");

  async open(query = "") {
    await this.page.goto(`/tracker${query}`);
  }

  async filterOwner(name: string, overdueOnly: boolean) {
    await this.page.getByLabel("Owner", { exact: true }).selectOption({ label: name });
    if (overdueOnly) await this.page.getByLabel("Overdue", { exact: true }).check();
    await submitFilters(this.page);
  }

  rowWith(text: string) {
    return this.rows().filter({ hasText: text });
  }

  async select(text: string) {
    await this.rowWith(text).getByRole("checkbox").check();
  }

  async bulkStatus(label: string) {
    const bar = this.page.getByTestId("bulk-bar");
    await bar.getByLabel("New status").selectOption({ label });
    await bar.getByRole("button", { name: "Apply to selected" }).click();
    return bar.getByTestId("bulk-result");
  }

  /** Clicks the CSV download and returns the file's text. */
  async downloadCsv(): Promise<string> {
    const download = this.page.waitForEvent("download");
    await this.page.getByRole("link", { name: /Download CSV/ }).click();
    const file = await (await download).path();
    return readFile(file, "utf8");
  }
}

/** The follow-up report. */
export class ReportPage {
  constructor(readonly page: Page) {}

  async open(query = "") {
    await this.page.goto(`/report${query}`);
    await expect(this.page.getByRole("heading", { level: 1 })).toContainText("Follow-up report");
  }

  section(id: "new" | "reviews" | "completed" | "newly-overdue" | "still-overdue" | "repeats") {
    return this.page.getByTestId(`report-${id}`);
  }

  markdown() {
    return this.page.getByTestId("report-markdown").inputValue();
  }
}
