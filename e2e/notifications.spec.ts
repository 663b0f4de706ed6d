import { test, expect, signIn, personPage } from "./fixtures";
import { PostmortemDocument } from "./pages/postmortem-document";
import { InboxPage } from "./pages/inbox-page";

// The inbox end to end: a mention written in the document reaches the person through the job worker,
// the bell counts it, and reading it clears the count. The lessons card records who hears about it.

const DEMO_KEY = "INC-2026-0041";

test("a person mentioned with @name gets a notification in their inbox and the bell counts it", async ({ page, browser }) => {
  await signIn(page, "facilitator");
  const doc = new PostmortemDocument(page);
  await doc.openByKey(DEMO_KEY);
  await doc.saveField("lessons", "What could be improved?", "We had no vendor-change signal; @sam will propose one.");

  const sam = await personPage(browser, "attendee");
  const inbox = new InboxPage(sam.page);
  await inbox.waitForNotification(`You were mentioned in ${DEMO_KEY}`);
  await expect(inbox.bell).toHaveAccessibleName(/Notifications, \d+ unread/);
  await inbox.markAllRead();
  await expect(inbox.bell).toHaveAccessibleName("Notifications");
  await sam.context.close();
});

test("the facilitator records the distribution list and the documentation that changed", async ({ page }) => {
  await signIn(page, "facilitator");
  const doc = new PostmortemDocument(page);
  await doc.openByKey(DEMO_KEY);
  const card = page.getByTestId("share-lessons");
  await card.getByLabel("Team or person to add to the distribution list").selectOption({ label: "Support Assistant" });
  await card.getByRole("button", { name: "Add", exact: true }).click();
  await expect(card.getByTestId("distribution-list")).toContainText("Support Assistant (team)");

  await card.getByLabel("Runbook or document").fill("Vendor model change runbook");
  await card.getByLabel("Link").fill("https://wiki.example.com/runbooks/vendor-models");
  await card.getByLabel("Owner").selectOption({ label: "Sam Whitfield" });
  await card.getByRole("button", { name: "Add document" }).click();
  const item = card.getByRole("checkbox", { name: "Vendor model change runbook updated" });
  // The box shows the stored state, so it turns checked once the server has saved it.
  await item.click();
  await expect(item).toBeChecked();
  await page.reload();
  await expect(page.getByTestId("share-lessons").getByRole("checkbox", { name: "Vendor model change runbook updated" })).toBeChecked();
});
