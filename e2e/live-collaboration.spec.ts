import { test, expect, personPage } from "./fixtures";
import { PostmortemDocument } from "./pages/postmortem-document";

// A review meeting: the facilitator and two attendees on one postmortem, each in their own browser.
test.describe("live review meeting", () => {
  test("three people edit one postmortem at once: edits arrive live, nothing is lost, offline edits land", async ({ browser }) => {
    test.setTimeout(300_000);
    const priya = await personPage(browser, "facilitator");
    const sam = await personPage(browser, "attendee");
    const lena = await personPage(browser, "manager");
    const facilitator = new PostmortemDocument(priya.page);
    const { url } = await facilitator.create({ name: "Summariser leaked ticket notes into replies", severity: "Critical" });
    await facilitator.addAttendee("Sam Whitfield");
    await facilitator.addAttendee("Lena Fischer");

    const attendee = new PostmortemDocument(sam.page);
    const second = new PostmortemDocument(lena.page);
    await attendee.open(url);
    await second.open(url);
    for (const doc of [facilitator, attendee, second]) {
      for (const name of ["Priya Raman", "Sam Whitfield", "Lena Fischer"]) await doc.connected(name);
    }

    // Presence: the row each person is in is outlined with their name in the others' pages.
    await facilitator.cell("Event", 2).click();
    await attendee.cell("Notes", 3).click();
    await second.cell("Actor", 4).click();
    await expect(attendee.timeline.locator('[data-row-index="2"]').first()).toBeVisible();
    await expect(second.timeline.getByTestId("timeline-row").nth(1)).toHaveAttribute("data-editors", "Priya Raman");
    await expect(facilitator.timeline.getByTestId("timeline-row").nth(2)).toHaveAttribute("data-editors", "Sam Whitfield");
    await expect(attendee.timeline.getByTestId("timeline-row").nth(3)).toHaveAttribute("data-editors", "Lena Fischer");

    // Two people type in different fields of the same row at once: both texts survive, everywhere.
    await facilitator.cell("Event", 2).fill("Summaries began quoting internal notes");
    await attendee.cell("Notes", 2).fill("First seen by a customer in Germany");
    await facilitator.cell("Event", 2).blur();
    await attendee.cell("Notes", 2).blur();
    for (const doc of [facilitator, attendee, second]) {
      await expect(doc.cell("Event", 2)).toHaveValue("Summaries began quoting internal notes");
      await expect(doc.cell("Notes", 2)).toHaveValue("First seen by a customer in Germany");
    }
    await facilitator.allSaved();
    await attendee.allSaved();

    // An edit by one appears in the others' pages without a reload (a section field too).
    await second.field("summary", "In 2-3 sentences, what happened?").fill("The summariser copied private notes into replies.");
    await second.field("summary", "In 2-3 sentences, what happened?").blur();
    await expect(facilitator.field("summary", "In 2-3 sentences, what happened?")).toHaveValue(
      "The summariser copied private notes into replies.",
    );
    await expect(attendee.field("summary", "In 2-3 sentences, what happened?")).toHaveValue(
      "The summariser copied private notes into replies.",
    );

    // The document's title line follows too.
    await second.field("details", "Incident name").fill("Summariser leaked internal ticket notes");
    await second.field("details", "Incident name").blur();
    for (const doc of [facilitator, attendee]) {
      await expect(doc.page.getByRole("heading", { level: 1 })).toHaveText("Summariser leaked internal ticket notes");
    }

    // Two people change the same field: the later one sees the conflict and chooses; nothing vanishes.
    await sam.context.setOffline(true);
    await attendee.cell("Actor", 5).fill("Support lead");
    await attendee.cell("Actor", 5).blur();
    await expect(attendee.saveState).toHaveText(/Offline — 1 change will be sent/);
    await facilitator.cell("Actor", 5).fill("On-call engineer");
    await facilitator.cell("Actor", 5).blur();
    await facilitator.allSaved();
    await sam.context.setOffline(false);
    const conflict = attendee.timeline.getByTestId("timeline-conflict");
    await expect(conflict).toContainText("On-call engineer");
    await expect(attendee.cell("Actor", 5)).toHaveValue("Support lead");
    await conflict.getByRole("button", { name: "Keep mine" }).click();
    await attendee.allSaved();
    await expect(facilitator.cell("Actor", 5)).toHaveValue("Support lead");
    await expect(second.cell("Actor", 5)).toHaveValue("Support lead");

    // Offline: a new row typed into at once, three edits, a reload while still offline, back online: the
    // others see all of it.
    await lena.context.setOffline(true);
    await expect(second.saveState).toHaveText(/Offline/);
    await second.addRow();
    await lena.page.keyboard.press("Tab");
    await lena.page.keyboard.type("Support purged the leaked notes");
    await lena.page.keyboard.press("Tab");
    await second.cell("Event", 6).fill("Summariser rolled back");
    await second.cell("Event", 6).blur();
    await second.why(1).fill("The summary prompt included the ticket's internal notes.");
    await second.why(1).blur();
    await second.field("lessons", "What went well?").fill("Support spotted it within minutes.");
    await second.field("lessons", "What went well?").blur();
    await expect(second.saveState).toHaveText("Offline — 5 changes will be sent");
    await lena.page.reload().catch(() => {});
    await lena.context.setOffline(false);
    await second.open(url);
    for (const doc of [facilitator, attendee]) {
      await expect(doc.cell("Event", 9)).toHaveValue("Support purged the leaked notes");
      await expect(doc.cell("Event", 6)).toHaveValue("Summariser rolled back");
      await expect(doc.why(1)).toHaveValue("The summary prompt included the ticket's internal notes.");
      await expect(doc.field("lessons", "What went well?")).toHaveValue("Support spotted it within minutes.");
    }
    await second.allSaved();

    // Someone removed from a restricted postmortem stops receiving its events.
    await facilitator.page
      .getByTestId("section-external-summary")
      .getByLabel(/Restricted/)
      .check();
    await facilitator.allSaved();
    await facilitator.page.getByTestId("section-details").getByRole("button", { name: "Remove Lena Fischer" }).click();
    await expect(second.page.getByTestId("outage-banner")).toContainText("no longer available to you");
    await facilitator.cell("Event", 7).fill("After Lena left");
    await facilitator.cell("Event", 7).blur();
    await facilitator.allSaved();
    await expect(attendee.cell("Event", 7)).toHaveValue("After Lena left");
    await expect(second.cell("Event", 7)).not.toHaveValue("After Lena left");

    for (const person of [priya, sam, lena]) await person.context.close();
  });
});
