import { expect, type Locator, type Page } from "@playwright/test";

/** The postmortem document, as far as the assistant's specs read it. */
export class PostmortemPage {
  constructor(readonly page: Page) {}

  async goto(postmortemId: string) {
    return this.page.goto(`/postmortems/${postmortemId}`);
  }

  /** Creates a postmortem through the "New postmortem" form and returns its id. */
  async create(options: { key: string; name: string; severity: RegExp }) {
    await this.page.goto("/postmortems/new");
    await this.page.getByLabel("Incident ID").fill(options.key);
    await this.page.getByLabel("Incident name").fill(options.name);
    await this.page.getByLabel(options.severity).check();
    await this.page.getByRole("button", { name: "Create postmortem" }).click();
    await expect(this.page).toHaveURL(/\/postmortems\/(?!new$)[a-z0-9]+$/);
    return new URL(this.page.url()).pathname.split("/").pop() as string;
  }

  get timeline(): Locator {
    return this.page.getByTestId("section-timeline");
  }

  /** The event text of every timeline row, in order. */
  async timelineEvents(): Promise<string[]> {
    return this.timeline.getByLabel(/^Event of row \d+$/).evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  }

  metric(key: "detect" | "acknowledge" | "mitigate" | "resolve" | "duration"): Locator {
    return this.page.getByTestId(`metric-${key}-value`);
  }

  async openHistory(): Promise<Locator> {
    const panel = this.page.getByTestId("history-panel");
    await panel.locator("summary").click();
    await expect(panel.getByTestId("history-item").first()).toBeVisible();
    return panel.getByTestId("history-item");
  }
}
