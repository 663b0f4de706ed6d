import { expect, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";

/** The postmortem document page, as the sharing specs use it. */
export class DocumentPage {
  constructor(readonly page: Page) {}

  /** Opens a postmortem from the list by its Incident ID. */
  async openByKey(incidentKey: string) {
    await this.page.goto(`/postmortems?q=${encodeURIComponent(incidentKey)}`);
    await this.page.getByRole("row").filter({ hasText: incidentKey }).getByRole("link").first().click();
    await expect(this.page).toHaveURL(/\/postmortems\/[a-z0-9]+$/);
    await expect(this.page.getByRole("heading", { level: 1 })).toBeVisible();
    return this.page.url();
  }

  section(id: string) {
    return this.page.getByTestId(`section-${id}`);
  }

  /** Clicks a download link and returns the suggested file name and the file's text. */
  async download(name: "Download Markdown" | "Download JSON") {
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.page.getByRole("link", { name }).click()]);
    const path = await download.path();
    return { fileName: download.suggestedFilename(), text: await readFile(path, "utf8"), path };
  }

  /** Fills a field of the external summary and leaves it, which saves it. */
  async writeExternalPart(label: string, text: string) {
    const external = this.section("external-summary");
    await external.getByLabel(label, { exact: true }).fill(text);
    await external.getByLabel(label, { exact: true }).blur();
    await expect(external.getByTestId("save-state")).toHaveText("Saved");
  }

  /** Writes a section field and saves it the way the section saves (its Save button, or leaving the field). */
  async saveField(sectionId: string, label: string, text: string) {
    const section = this.section(sectionId);
    await section.getByLabel(label, { exact: true }).fill(text);
    const save = section.getByRole("button", { name: "Save", exact: true });
    if (await save.isVisible()) await save.click();
    else await section.getByLabel(label, { exact: true }).blur();
    await expect(section.getByTestId("save-state")).toHaveText("Saved");
  }

  get release() {
    return this.page.getByTestId("external-release");
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
