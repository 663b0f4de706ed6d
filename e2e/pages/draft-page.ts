import { expect, type Locator, type Page } from "@playwright/test";

/** The "Draft from material" screen: paste, draft, then accept / edit / reject each proposal. */
export class DraftPage {
  constructor(readonly page: Page) {}

  async goto(postmortemId: string) {
    return this.page.goto(`/postmortems/${postmortemId}/draft`);
  }

  async draftFrom(material: string) {
    await this.page.getByLabel("Incident material").fill(material);
    await this.page.getByRole("button", { name: "Draft proposals" }).click();
    await expect(this.page.getByTestId("draft-review")).toBeVisible();
  }

  get engine(): Locator {
    return this.page.getByTestId("draft-engine");
  }

  /** The proposal of a section ("Timeline rows", "Summary", …) whose text contains `text`. */
  proposal(text: string, section = "Timeline rows"): Locator {
    return this.page
      .getByRole("list", { name: section, exact: true })
      .getByTestId("proposal")
      .filter({ has: this.page.getByTestId("proposal-text").getByText(text, { exact: false }) });
  }

  async accept(text: string) {
    await this.proposal(text).getByRole("button", { name: "Accept" }).click();
    await expect(this.proposal(text)).toHaveAttribute("data-status", "accepted");
  }

  async reject(text: string) {
    await this.proposal(text).getByRole("button", { name: "Reject" }).click();
    await expect(this.proposal(text)).toHaveAttribute("data-status", "rejected");
  }

  /** Opens the editor of a timeline proposal, changes its event text and saves the edit (not yet accepted). */
  async editEvent(text: string, event: string) {
    const card = this.proposal(text);
    await card.getByRole("button", { name: "Edit" }).click();
    await card.getByLabel("Event", { exact: true }).fill(event);
    await card.getByRole("button", { name: "Save changes" }).click();
    await expect(this.proposal(event)).toHaveAttribute("data-status", "pending");
  }

  async acceptAllRemaining() {
    await this.page.getByRole("button", { name: /Accept all remaining/ }).click();
    await expect(this.page.getByTestId("review-counts")).toContainText("0 to review");
    await expect(this.page.getByTestId("proposal").and(this.page.locator("[data-status=pending]"))).toHaveCount(0);
  }
}
