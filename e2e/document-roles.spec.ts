import { test, expect, signIn, personPage, replayAction } from "./fixtures";
import { PostmortemDocument } from "./pages/postmortem-document";
import { RecordingDocument } from "./pages/recording-document";

const SUMMARY = "In 2-3 sentences, what happened?";

test.describe("who may do what on the document", () => {
  test("a Low incident shows the short log form without the meeting clock", async ({ page }) => {
    await signIn(page, "facilitator");
    await new PostmortemDocument(page).create({ name: "Typo in a canned reply caught in review", severity: "Low" });
    await expect(page.locator("header").getByTestId("review-type")).toHaveText("Log entry");
    await expect(page.getByText("Low-severity incidents are tracked as a log entry")).toBeVisible();
    await expect(page.getByTestId("section-summary")).toBeVisible();
    await expect(page.getByTestId("section-timeline")).toBeVisible();
    await expect(page.getByTestId("section-metrics")).toHaveCount(0);
    await expect(page.getByTestId("section-ai-causes")).toHaveCount(0);
    await expect(page.getByTestId("review-clock")).toHaveCount(0);
  });

  test("a High incident shows every section and the 48-hour countdown", async ({ page }) => {
    await signIn(page, "facilitator");
    await new PostmortemDocument(page).create({ name: "Drift alert ignored by the routing model" });
    await expect(page.locator("header").getByTestId("review-type")).toHaveText("Full post-mortem");
    await expect(page.getByTestId("review-clock")).toContainText(/Due in|Overdue by/);
    await expect(page.getByTestId("section-nav").getByRole("link")).toHaveCount(13);
  });

  test("an attendee edits; a viewer's directly posted edit is refused and changes nothing", async ({ page, browser }) => {
    await signIn(page, "facilitator");
    const doc = new RecordingDocument(page);
    const { url } = await doc.create({ name: "Retrieval returned another tenant's document", severity: "Critical" });
    await doc.recordAddAttendee("Sam Whitfield");

    // The facilitator's save is recorded, to be replayed by the viewer below.
    await doc.field("summary", SUMMARY).fill("The retriever ignored the tenant filter.");
    const request = await doc.recordSave("summary");

    const sam = await personPage(browser, "attendee");
    const samDoc = new PostmortemDocument(sam.page);
    await samDoc.open(url);
    await samDoc.saveField("summary", SUMMARY, "The retriever ignored the tenant filter after a config change.");
    await sam.context.close();

    const viewer = await personPage(browser, "viewer");
    await viewer.page.goto(url);
    await expect(viewer.page.getByTestId("section-summary").locator("textarea")).toHaveCount(0);
    const forged = (request.postData() ?? "").replace("The retriever ignored the tenant filter.", "Rewritten by a viewer.");
    expect(forged).toContain("Rewritten by a viewer.");
    const response = await replayAction(viewer.context.request, request, forged);
    expect(response.status).toBeLessThan(500);
    expect(response.text).toContain("FORBIDDEN");
    await viewer.context.close();

    await page.reload();
    await expect(doc.field("summary", SUMMARY)).toHaveValue("The retriever ignored the tenant filter after a config change.");
  });
});
