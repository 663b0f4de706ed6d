import { expect, type Page } from "@playwright/test";

/** The review meeting as one person sees it on the document page: agenda, timers, following, comments, history. */
export class MeetingPage {
  constructor(readonly page: Page) {}

  get panel() {
    return this.page.getByTestId("meeting-panel");
  }

  get currentItem() {
    return this.page.getByTestId("meeting-current-item");
  }

  section(id: string) {
    return this.page.getByTestId(`section-${id}`);
  }

  async start() {
    await this.panel.getByRole("button", { name: "Start the meeting" }).click();
    await expect(this.panel).toHaveAttribute("data-state", "running");
  }

  /** The facilitator moves the meeting to an agenda item. */
  async moveTo(title: string) {
    await this.panel
      .getByRole("list", { name: "Agenda" })
      .getByRole("button", { name: new RegExp(`^\\d+\\. ${title}`) })
      .click();
    await expect(this.currentItem).toContainText(title);
  }

  async stopFollowing() {
    await this.panel.getByRole("button", { name: "Stop following" }).click();
    await expect(this.page.getByTestId("follow-state")).toHaveText(/Not following/);
  }

  async follow() {
    await this.panel.getByRole("button", { name: "Follow the facilitator" }).click();
    await expect(this.page.getByTestId("follow-state")).toHaveText(/Following the facilitator/);
  }

  /** Open threads counted in the section navigator (0 when no badge). */
  navOpenComments(sectionLabel: string) {
    return this.page
      .getByTestId("section-nav")
      .getByRole("link", { name: new RegExp(sectionLabel) })
      .getByTestId("open-comments");
  }

  comments(label: string) {
    return this.page.getByRole("region", { name: `Comments on ${label}` });
  }

  /** Opens the comments of a section or row; `open` is the count of open threads its button announces. */
  async openComments(label: string, open = 0) {
    const name = `Comments on ${label}${open ? ` (${open} open)` : ""}`;
    await this.page.getByRole("button", { name, exact: true }).click();
    await expect(this.comments(label)).toBeVisible();
  }

  async addComment(label: string, body: string) {
    await this.openComments(label);
    await this.comments(label).getByLabel("New comment").fill(body);
    await this.comments(label).getByRole("button", { name: "Comment", exact: true }).click();
    await expect(this.comments(label).getByTestId("comment").filter({ hasText: body })).toBeVisible();
  }

  history(label: string) {
    return this.page.getByRole("region", { name: `History of ${label}` });
  }

  async openHistory(label: string) {
    await this.page.getByTitle(`History of ${label}`).click();
    await expect(this.history(label).getByTestId("field-change").first()).toBeVisible();
  }

  async endWithAttendance() {
    await this.panel.getByRole("button", { name: "End meeting" }).click();
    await this.panel.getByRole("button", { name: "Confirm attendance and end the meeting" }).click();
    await expect(this.panel).toHaveAttribute("data-state", "ended");
  }
}
