import { expect, type Locator, type Page, type Request } from "@playwright/test";
import { uniqueKey } from "../fixtures";

/** The postmortem document as its people use it: create, open sections, save, read, and record what was sent. */
export class PostmortemPage {
  constructor(readonly page: Page) {}

  section(id: string) {
    return this.page.getByTestId(`section-${id}`);
  }

  async create(name: string, severity: RegExp = /High/): Promise<string> {
    await this.page.goto("/postmortems/new");
    await this.page.getByLabel("Incident ID").fill(uniqueKey("INC-SEC"));
    await this.page.getByLabel("Incident name").fill(name);
    await this.page.getByLabel(severity).check();
    await this.page.getByRole("button", { name: "Create postmortem" }).click();
    await expect(this.page).toHaveURL(/\/postmortems\/(?!new$)[a-z0-9]+$/, { timeout: 30_000 });
    return this.page.url();
  }

  async goto(postmortemId: string) {
    return this.page.goto(`/postmortems/${postmortemId}`);
  }

  /** Creates a postmortem with a chosen Incident ID and returns its id. */
  async createWithKey(options: { key: string; name: string; severity: RegExp }) {
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

  /** The id of a user as the facilitator picker lists them (what a forged request would name). */
  async userId(name: string): Promise<string> {
    const option = this.section("details").getByLabel("Post-mortem facilitator").locator("option", { hasText: name });
    return (await option.getAttribute("value")) as string;
  }

  /** Runs `act` and returns the first server-action request it sent that `matches`, to be replayed by someone else. */
  async recordAction(act: () => Promise<void>, matches: (body: string) => boolean = () => true): Promise<Request> {
    const recorded = this.page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"] && matches(r.postData() ?? ""));
    await act();
    return recorded;
  }

  async addAttendee(name: string): Promise<Request> {
    const details = this.section("details");
    await details.getByLabel("Add attendee").selectOption({ label: name });
    const request = await this.recordAction(() => details.getByRole("button", { name: "Add", exact: true }).click());
    await expect(details.getByTestId("participant-row").filter({ hasText: name })).toBeVisible();
    return request;
  }

  /** Leaves the field being edited, which saves it, and returns the edit that was sent. */
  async saveSection(id: string): Promise<Request> {
    const request = await this.recordAction(() => this.page.keyboard.press("Tab"), isFieldEdit);
    await expect(this.section(id).getByTestId("save-state")).toHaveText("Saved");
    return request;
  }

  /** Ticks or clears Restricted, which saves at once, and returns the edit that was sent. */
  async setRestricted(on: boolean): Promise<Request> {
    const section = this.section("external-summary");
    const checkbox = section.getByLabel("Restricted (only participants can see it)");
    const request = await this.recordAction(() => checkbox.setChecked(on), isFieldEdit);
    await expect(section.getByTestId("save-state")).toHaveText("Saved");
    return request;
  }
}

/** A field edit of the live protocol carries `changes` (presence and row actions do not). */
const isFieldEdit = (body: string) => body.includes('"changes"');

/** The body of a recorded server-action call: its first argument as an object, to be rewritten. */
export function actionArgument(request: Request): Record<string, unknown> {
  return (JSON.parse(request.postData() ?? "[]") as Record<string, unknown>[])[0];
}

export function actionBody(argument: Record<string, unknown>): string {
  return JSON.stringify([argument]);
}
