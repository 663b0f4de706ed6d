import { expect, type Page } from "@playwright/test";
import { uniqueKey } from "../fixtures";

/** The document page, for setting up what the managers' views then show. */
export class PostmortemDocument {
  constructor(readonly page: Page) {}

  section(id: string) {
    return this.page.getByTestId(`section-${id}`);
  }

  /** Creates a postmortem through the new-postmortem form and lands on it; returns its key and id. */
  async create(name: string, severity: "Critical" | "High" | "Medium" | "Low", incidentDate: Date) {
    await this.page.goto("/postmortems/new");
    const key = uniqueKey("INC-MGR");
    await this.page.getByLabel("Incident ID").fill(key);
    await this.page.getByLabel("Incident name").fill(name);
    await this.page.getByLabel("Date of incident (UTC)").fill(incidentDate.toISOString().slice(0, 16));
    await this.page.getByLabel(new RegExp(severity)).check();
    await this.page.getByRole("button", { name: "Create postmortem" }).click();
    // Creating runs a server action and a redirect: allow for a slow, shared machine.
    await expect(this.page).toHaveURL(/\/postmortems\/(?!new$)[a-z0-9]+$/, { timeout: 60_000 });
    return { key, id: new URL(this.page.url()).pathname.split("/").pop()!, url: this.page.url() };
  }

  /** Every field saves itself; the page's one status line says when everything has reached the server. */
  async allSaved() {
    await expect(this.page.getByTestId("page-save-state")).toHaveText("All changes saved");
  }

  async setTimelineNotes(row: number, text: string) {
    const timeline = this.section("timeline");
    await timeline.getByLabel(`Notes of row ${row}`).fill(text);
    await this.page.keyboard.press("Tab");
    await this.allSaved();
  }

  async checkAiCause(label: string) {
    const causes = this.section("ai-causes");
    await causes.getByRole("checkbox", { name: new RegExp(label) }).check();
    await expect(causes.getByTestId("save-state")).toHaveText("Saved");
  }

  async restrict() {
    const external = this.section("external-summary");
    await external.getByLabel("Restricted (only participants can see it)").check();
    await this.allSaved();
  }

  async addTag(tag: string) {
    const editor = this.page.getByTestId("tag-editor");
    await editor.getByLabel("Add a tag").fill(tag);
    await editor.getByRole("button", { name: "Add tag" }).click();
    await expect(editor.getByRole("link", { name: `#${tag}` })).toBeVisible();
  }

  /** Adds an immediate action (deadline proposed by the form) and gives it an owner. */
  async addImmediateAction(text: string, owner: string) {
    const horizon = this.page.getByTestId("actions-IMMEDIATE");
    if (!(await horizon.getByTestId("add-action-IMMEDIATE").isVisible())) {
      await horizon.getByRole("button", { name: "Add immediate action" }).click();
    }
    const form = horizon.getByTestId("add-action-IMMEDIATE");
    await form.getByLabel("Action", { exact: true }).fill(text);
    await form.getByRole("button", { name: "Add action" }).click();
    const last = horizon.getByTestId("action-row").last();
    await expect(last.getByRole("textbox").first()).toHaveValue(text);
    await last.getByLabel(/^Owner of action/).selectOption({ label: owner });
    await expect(last.getByTestId("save-state")).toHaveText("Saved");
    return last;
  }
}
