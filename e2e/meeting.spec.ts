import { test, expect, personPage } from "./fixtures";
import { PostmortemDocument } from "./pages/postmortem-document";
import { MeetingPage } from "./pages/meeting";

const SUMMARY = "In 2-3 sentences, what happened?";

test.describe("review meeting", () => {
  test("the facilitator leads from the agenda; attendees follow, comment, restore history; attendance is recorded", async ({ browser }) => {
    test.setTimeout(420_000);
    const priya = await personPage(browser, "facilitator");
    const sam = await personPage(browser, "attendee");
    const lena = await personPage(browser, "manager");
    const facilitatorDoc = new PostmortemDocument(priya.page);
    const { url } = await facilitatorDoc.create({ name: "Refund bot approved refunds twice", severity: "Critical" });
    await facilitatorDoc.addAttendee("Sam Whitfield");
    await facilitatorDoc.addAttendee("Lena Fischer");
    const samDoc = new PostmortemDocument(sam.page);
    const lenaDoc = new PostmortemDocument(lena.page);
    await samDoc.open(url);
    await lenaDoc.open(url);
    for (const doc of [facilitatorDoc, samDoc, lenaDoc]) {
      for (const name of ["Priya Raman", "Sam Whitfield", "Lena Fischer"]) await doc.connected(name);
    }
    const facilitator = new MeetingPage(priya.page);
    const attendee = new MeetingPage(sam.page);
    const second = new MeetingPage(lena.page);

    // Only the facilitator can start; starting opens the agenda on the timeline, in every page.
    await expect(attendee.panel.getByRole("button", { name: "Start the meeting" })).toHaveCount(0);
    await facilitator.start();
    for (const person of [facilitator, attendee, second]) {
      await expect(person.panel).toHaveAttribute("data-state", "running");
      await expect(person.currentItem).toHaveText("Build the timeline");
      await expect(person.page.getByTestId("meeting-timer")).toHaveText(/^\d+:\d\d$/);
    }

    // Following the facilitator: the attendees' pages move to the item under discussion.
    await facilitator.moveTo("Corrective actions");
    for (const person of [attendee, second]) {
      await expect(person.currentItem).toHaveText(/Corrective actions/);
      await expect(person.section("actions")).toBeInViewport();
    }

    // One attendee stops following and stays where they are; rejoining brings them back.
    await second.stopFollowing();
    await facilitator.moveTo("Build the timeline");
    await expect(attendee.section("timeline")).toBeInViewport();
    await expect(second.currentItem).toHaveText("Build the timeline");
    await expect(second.section("actions")).toBeInViewport();
    await expect(second.section("timeline")).not.toBeInViewport();
    await second.follow();
    await expect(second.section("timeline")).toBeInViewport();

    // A comment on a timeline row arrives live; the navigator counts it until it is resolved.
    await attendee.addComment("row 2", "Which dashboard showed the duplicate refunds first?");
    for (const person of [facilitator, attendee, second]) await expect(person.navOpenComments("Timeline of events")).toHaveText("1");
    await second.openComments("row 2", 1);
    await expect(second.comments("row 2").getByTestId("comment")).toHaveText(/Which dashboard showed the duplicate refunds first\?/);
    await facilitator.openComments("row 2", 1);
    await facilitator.comments("row 2").getByRole("button", { name: "Resolve" }).click();
    for (const person of [facilitator, attendee, second]) await expect(person.navOpenComments("Timeline of events")).toHaveCount(0);
    await expect(second.comments("row 2").getByTestId("comment-thread")).toHaveAttribute("data-state", "resolved");
    await second.comments("row 2").getByRole("button", { name: "Reopen" }).click();
    await expect(attendee.navOpenComments("Timeline of events")).toHaveText("1");

    // History: an earlier value of the summary is restored, as a new change that reaches everyone live.
    const summary = samDoc.field("summary", SUMMARY);
    await summary.fill("Refunds were approved twice for 40 minutes.");
    await summary.blur();
    await samDoc.allSaved();
    await summary.fill("A retry loop in the refund bot approved each refund twice.");
    await summary.blur();
    await samDoc.allSaved();
    await expect(lenaDoc.field("summary", SUMMARY)).toHaveValue("A retry loop in the refund bot approved each refund twice.");
    await facilitator.openHistory(SUMMARY);
    const latest = facilitator.history(SUMMARY).getByTestId("field-change").first();
    await expect(latest).toContainText("Sam Whitfield");
    await latest.getByRole("button", { name: "Restore the earlier value" }).click();
    for (const doc of [facilitatorDoc, samDoc, lenaDoc]) {
      await expect(doc.field("summary", SUMMARY)).toHaveValue("Refunds were approved twice for 40 minutes.");
    }
    await facilitatorDoc.allSaved();

    // Ending the meeting records who attended, in every page.
    await facilitator.endWithAttendance();
    for (const person of [facilitator, attendee, second]) {
      await expect(person.page.getByTestId("meeting-attendees")).toHaveText("Attended: Lena Fischer, Priya Raman, Sam Whitfield");
    }
    await priya.page.reload();
    await expect(facilitator.page.getByTestId("meeting-attendees")).toHaveText("Attended: Lena Fischer, Priya Raman, Sam Whitfield");
    await expect(priya.page.getByTestId("review-clock")).toContainText("Review held");

    for (const person of [priya, sam, lena]) await person.context.close();
  });
});
