import { test, expect, personPage, signIn, uniqueKey } from "./fixtures";
import { DraftPage } from "./pages/draft-page";
import { PostmortemDocument } from "./pages/postmortem-document";

const TRANSCRIPT = `All times UTC
2026-11-20 09:00 errors started: the support bot began quoting a refund policy that does not exist
2026-11-20 09:15 Datadog alert fired: bad-answer rate above 5%
2026-11-20 09:20 Sam: ack, looking
2026-11-20 09:45 Sam: root cause looks like the vendor model alias update
2026-11-20 10:00 Sam: pinned the model to the previous snapshot, errors going down
2026-11-20 10:30 Sam: resolved, all clear
2026-11-20 10:40 Lena: posted an update on the status page`;

test.describe("drafting a postmortem from the incident's material", () => {
  // Reviewing a whole draft is a long story: more than a dozen accepted proposals, each its own save.
  test.describe.configure({ timeout: 180_000 });

  test("a facilitator reviews the proposals; the timeline, metrics and history show exactly the accepted ones", async ({ page }) => {
    await signIn(page, "facilitator");
    const doc = new PostmortemDocument(page);
    const { id } = await doc.create({
      key: uniqueKey("INC-AI"),
      name: "Support bot quoted a refund policy that does not exist",
      severity: "Critical",
    });

    await page.getByRole("link", { name: "Draft from material" }).click();
    const draft = new DraftPage(page);
    await draft.draftFrom(TRANSCRIPT);
    await expect(draft.engine).toContainText("Built-in extractor");
    await expect(draft.proposal("Datadog alert fired")).toContainText("Line 3: 2026-11-20 09:15 Datadog alert fired");

    await draft.reject("posted an update on the status page");
    await draft.editEvent("ack, looking", "On-call acknowledged the page");
    await draft.acceptAllRemaining();
    await expect(draft.proposal("posted an update on the status page")).toHaveAttribute("data-status", "rejected");

    await doc.goto(id);
    const events = await doc.timelineEvents();
    for (const accepted of [
      "errors started: the support bot began quoting a refund policy that does not exist",
      "Datadog alert fired: bad-answer rate above 5%",
      "On-call acknowledged the page",
      "root cause looks like the vendor model alias update",
      "pinned the model to the previous snapshot, errors going down",
      "resolved, all clear",
    ])
      expect(events).toContain(accepted);
    expect(events.join("\n")).not.toContain("status page");
    expect(events.join("\n")).not.toContain("ack, looking");

    // Derived from the accepted milestone rows: 09:00 → 09:15 → 09:20 → 10:00 → 10:30.
    await expect(doc.metric("detect")).toHaveText("15 min");
    await expect(doc.metric("acknowledge")).toHaveText("5 min");
    await expect(doc.metric("mitigate")).toHaveText("45 min");
    await expect(doc.metric("resolve")).toHaveText("1 h 15 min");
    await expect(doc.metric("duration")).toHaveText("1 h 30 min");

    const history = await doc.openHistory();
    const drafted = history.filter({ hasText: "drafted by the assistant, accepted by Priya" });
    await expect(drafted.filter({ hasText: "created timeline" })).toHaveCount(6);
    await expect(history.filter({ hasText: "On-call acknowledged the page" })).toHaveCount(1);
    await expect(history.filter({ hasText: "status page" })).toHaveCount(0);
  });

  test("a viewer cannot open the draft screen and sees no link to it", async ({ page, browser }) => {
    await signIn(page, "facilitator");
    const { id } = await new PostmortemDocument(page).create({ key: uniqueKey("INC-AI"), name: "Drafting is for editors" });

    const { context, page: viewerPage } = await personPage(browser, "viewer");
    const viewerDoc = new PostmortemDocument(viewerPage);
    await viewerDoc.goto(id);
    await expect(viewerPage.getByRole("heading", { name: "Drafting is for editors" })).toBeVisible();
    await expect(viewerPage.getByRole("link", { name: "Draft from material" })).toHaveCount(0);
    await new DraftPage(viewerPage).goto(id);
    await expect(viewerPage.getByRole("heading", { name: "Not found" })).toBeVisible();
    await expect(viewerPage.getByLabel("Incident material")).toHaveCount(0);
    await context.close();
  });
});
