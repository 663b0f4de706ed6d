import { expect, type Page } from "@playwright/test";

/** The header's bell and the inbox behind it. */
export class InboxPage {
  constructor(readonly page: Page) {}

  get bell() {
    return this.page.getByTestId("notification-bell");
  }

  /** Notifications are derived by a background job: reload until one with this title arrives. */
  async waitForNotification(title: string | RegExp) {
    await expect(async () => {
      await this.page.goto("/notifications");
      await expect(this.page.getByTestId("inbox").getByRole("link", { name: title })).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 30_000 });
  }

  async markAllRead() {
    await this.page.getByRole("button", { name: "Mark all read" }).click();
    await expect(this.page.getByText("All read")).toBeVisible();
  }
}
