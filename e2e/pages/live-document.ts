import { expect, type Page } from "@playwright/test";
import { uniqueKey } from "../fixtures";

/** The document page as one person in a live review sees it. */
export class LiveDocument {
  constructor(readonly page: Page) {}

  get timeline() {
    return this.page.getByTestId("section-timeline");
  }

  cell(field: "Time (UTC)" | "Event" | "Actor" | "Notes", row: number) {
    return this.timeline.getByLabel(`${field} of row ${row}`);
  }

  /** Adds a row at the end of the timeline; its time cell has the focus, ready for typing. */
  async addRow() {
    const count = await this.timeline.getByTestId("timeline-row").count();
    await this.timeline.getByRole("button", { name: "Add row", exact: true }).click();
    await expect(this.cell("Time (UTC)", count + 1)).toBeFocused();
  }

  field(section: string, label: string | RegExp) {
    return this.page.getByTestId(`section-${section}`).getByLabel(label, { exact: typeof label === "string" });
  }

  why(n: number) {
    return this.page.getByTestId("section-root-cause").getByLabel(`Why ${n}?`);
  }

  get saveState() {
    return this.page.getByTestId("page-save-state");
  }

  async allSaved() {
    await expect(this.saveState).toHaveText("All changes saved");
  }

  /** Waits until the live stream is connected (presence lists this person). */
  async connected(name: string) {
    await expect(this.page.getByTestId("presence").locator(`[data-name="${name}"]`)).toHaveCount(1);
  }

  async open(url: string) {
    await this.page.goto(url);
  }

  /** A new Critical postmortem, created by the signed-in person; answers its URL. */
  async create(name: string): Promise<string> {
    await this.page.goto("/postmortems/new");
    await this.page.getByLabel("Incident ID").fill(uniqueKey("INC-LIVE"));
    await this.page.getByLabel("Incident name").fill(name);
    await this.page.getByLabel(/Critical/).check();
    await this.page.getByRole("button", { name: "Create postmortem" }).click();
    await expect(this.page).toHaveURL(/\/postmortems\/(?!new$)[a-z0-9]+$/);
    return this.page.url();
  }

  async addAttendee(name: string) {
    const details = this.page.getByTestId("section-details");
    await details.getByLabel("Add attendee").selectOption({ label: name });
    await details.getByLabel("Attendee role").selectOption({ label: "Attendee" });
    await details.getByRole("button", { name: "Add", exact: true }).click();
    await expect(details.getByLabel(`Role of ${name}`)).toBeVisible();
  }
}
