import { expect, type Locator, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { uniqueKey } from "../fixtures";

export type Severity = "Critical" | "High" | "Medium" | "Low";
export type NewPostmortem = { name: string; severity?: Severity; incidentDate?: Date | string; key?: string };

/**
 * The postmortem document page as its people use it: create or open a postmortem, fill sections and rows
 * (every field saves itself), watch the live page, download it. The one page object for this page.
 */
export class PostmortemDocument {
  constructor(readonly page: Page) {}

  /** Creates a postmortem through the new-postmortem form and lands on it. */
  async create({ name, severity = "High", incidentDate, key = uniqueKey() }: NewPostmortem) {
    await this.page.goto("/postmortems/new");
    await this.page.getByLabel("Incident ID").fill(key);
    await this.page.getByLabel("Incident name").fill(name);
    if (incidentDate) {
      const value = typeof incidentDate === "string" ? incidentDate : incidentDate.toISOString().slice(0, 16);
      await this.page.getByLabel("Date of incident (UTC)").fill(value);
    }
    await this.page.getByLabel(new RegExp(severity)).check();
    await this.page.getByRole("button", { name: "Create postmortem" }).click();
    // Creating runs a server action and a redirect: allow for a slow, shared machine.
    await expect(this.page).toHaveURL(/\/postmortems\/(?!new$)[a-z0-9]+$/, { timeout: 60_000 });
    await this.ready();
    return { key, id: new URL(this.page.url()).pathname.split("/").pop()!, url: this.page.url() };
  }

  async open(url: string) {
    await this.page.goto(url);
    await this.ready();
  }

  async goto(postmortemId: string) {
    const response = await this.page.goto(`/postmortems/${postmortemId}`);
    await this.ready();
    return response;
  }

  /** Waits until the document (which streams in after the app shell) is hydrated and its fields take typing. */
  async ready() {
    await this.page.waitForSelector("html[data-document-ready]", { state: "attached", timeout: 60_000 });
  }

  /** Opens a postmortem from the list by its Incident ID. */
  async openByKey(incidentKey: string) {
    await this.page.goto(`/postmortems?q=${encodeURIComponent(incidentKey)}`);
    await this.page.getByRole("row").filter({ hasText: incidentKey }).getByRole("link").first().click();
    await expect(this.page).toHaveURL(/\/postmortems\/[a-z0-9]+$/);
    await this.ready();
    return this.page.url();
  }

  section(id: string): Locator {
    return this.page.getByTestId(`section-${id}`);
  }

  field(section: string, label: string | RegExp): Locator {
    return this.section(section).getByLabel(label, { exact: typeof label === "string" });
  }

  why(n: number): Locator {
    return this.section("root-cause").getByLabel(`Why ${n}?`);
  }

  get timeline(): Locator {
    return this.section("timeline");
  }

  cell(field: "Time (UTC)" | "Event" | "Actor" | "Notes", row: number): Locator {
    return this.timeline.getByLabel(`${field} of row ${row}`);
  }

  /** The event text of every timeline row, in order. */
  async timelineEvents(): Promise<string[]> {
    return this.timeline.getByLabel(/^Event of row \d+$/).evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  }

  metric(key: "detect" | "acknowledge" | "mitigate" | "resolve" | "duration"): Locator {
    return this.page.getByTestId(`metric-${key}-value`);
  }

  get release(): Locator {
    return this.page.getByTestId("external-release");
  }

  // Saving: every field saves itself; the page's one status line says when all has reached the server.

  get saveState(): Locator {
    return this.page.getByTestId("page-save-state");
  }

  async allSaved() {
    await expect(this.saveState).toHaveText("All changes saved");
  }

  /** Leaves the field being edited, which saves it at once, and waits for its section to say so. */
  async leaveAndSave(sectionId: string) {
    await this.page.keyboard.press("Tab");
    await expect(this.section(sectionId).getByTestId("save-state")).toHaveText("Saved");
  }

  /** Writes a section field and leaves it, which saves it. */
  async saveField(sectionId: string, label: string, text: string) {
    const field = this.field(sectionId, label);
    await field.fill(text);
    await field.blur();
    await expect(this.section(sectionId).getByTestId("save-state")).toHaveText("Saved");
  }

  /** Fills a part of the external summary and leaves it, which saves it. */
  async writeExternalPart(label: string, text: string) {
    await this.saveField("external-summary", label, text);
  }

  // Live review: who is here

  /** Waits until the live stream is connected (presence lists this person). */
  async connected(name: string) {
    await expect(this.page.getByTestId("presence").locator(`[data-name="${name}"]`)).toHaveCount(1);
  }

  // Rows and sections

  /** Adds a row at the end of the timeline; its time cell has the focus, ready for typing. */
  async addRow() {
    const count = await this.timeline.getByTestId("timeline-row").count();
    await this.timeline.getByRole("button", { name: "Add row", exact: true }).click();
    await expect(this.cell("Time (UTC)", count + 1)).toBeFocused();
  }

  async setTimelineNotes(row: number, text: string) {
    await this.cell("Notes", row).fill(text);
    await this.page.keyboard.press("Tab");
    await this.allSaved();
  }

  async addAttendee(name: string) {
    const details = this.section("details");
    await details.getByLabel("Add attendee").selectOption({ label: name });
    await details.getByLabel("Attendee role").selectOption({ label: "Attendee" });
    await details.getByRole("button", { name: "Add", exact: true }).click();
    await expect(details.getByLabel(`Role of ${name}`)).toBeVisible();
  }

  async checkAiCause(label: string) {
    const causes = this.section("ai-causes");
    await causes.getByRole("checkbox", { name: new RegExp(label) }).check();
    await expect(causes.getByTestId("save-state")).toHaveText("Saved");
  }

  async restrict() {
    await this.section("external-summary").getByLabel("Restricted (only participants can see it)").check();
    await this.allSaved();
  }

  async addTag(tag: string) {
    const editor = this.page.getByTestId("tag-editor");
    await editor.getByLabel("Add a tag").fill(tag);
    await editor.getByRole("button", { name: "Add tag" }).click();
    await expect(editor.getByRole("link", { name: `#${tag}` })).toBeVisible();
  }

  /** Adds an immediate action (its deadline proposed by the form); answers its row. */
  async addImmediateAction(text: string, owner?: string) {
    const horizon = this.page.getByTestId("actions-IMMEDIATE");
    if (!(await horizon.getByTestId("add-action-IMMEDIATE").isVisible())) {
      await horizon.getByRole("button", { name: "Add immediate action" }).click();
    }
    const form = horizon.getByTestId("add-action-IMMEDIATE");
    await form.getByLabel("Action", { exact: true }).fill(text);
    await form.getByRole("button", { name: "Add action" }).click();
    const row = horizon.getByTestId("action-row").last();
    await expect(row.getByRole("textbox").first()).toHaveValue(text);
    if (owner) {
      await row.getByLabel(/^Owner of action/).selectOption({ label: owner });
      await expect(row.getByTestId("save-state")).toHaveText("Saved");
    }
    return row;
  }

  async openHistory(): Promise<Locator> {
    const panel = this.page.getByTestId("history-panel");
    await panel.locator("summary").click();
    await expect(panel.getByTestId("history-item").first()).toBeVisible();
    return panel.getByTestId("history-item");
  }

  /** Clicks a download link and returns the suggested file name and the file's text. */
  async download(name: "Download Markdown" | "Download JSON") {
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.page.getByRole("link", { name }).click()]);
    const path = await download.path();
    return { fileName: download.suggestedFilename(), text: await readFile(path, "utf8"), path };
  }
}

/** The import form. */
export class ImportPage {
  constructor(readonly page: Page) {}

  async importFile(path: string, incidentKey: string) {
    await this.page.goto("/postmortems/import");
    await this.page.getByLabel("Incident ID for the new postmortem").fill(incidentKey);
    await this.page.getByLabel("Exported JSON file").setInputFiles(path);
    await this.page.getByRole("button", { name: "Import" }).click();
    await expect(this.page).toHaveURL(/\/postmortems\/(?!import$)[a-z0-9]+$/);
  }
}
