import { test, expect, personPage } from "./fixtures";
import { PostmortemDocument } from "./pages/postmortem-document";
import { InsightsPage, PostmortemList, ReportPage, TrackerPage } from "./pages/managers";

const DAY = 86_400_000;
const rand = () => Math.random().toString(36).slice(2, 8);

test.describe("managers' view", () => {
  // Each story sets up two people's work through the UI first, so it gets more than the default minute.
  test.describe.configure({ timeout: 600_000 });

  test("a viewer searches, filters, reads insights and exports the tracker, and never meets a restricted postmortem", async ({
    browser,
  }) => {
    const word = `quokka${rand()}`;
    const tag = `e2e-${rand()}`;
    const visibleName = `Reranker outage ${word}`;
    const secretName = `Secret jailbreak review ${rand()}`;
    const visibleAction = `Add reranker saturation alert ${rand()}`;
    const secretAction = `Rotate the leaked system prompt ${rand()}`;

    // Priya records two Critical prompt-change incidents; the second is restricted to its participants.
    const priya = await personPage(browser, "facilitator");
    const doc = new PostmortemDocument(priya.page);
    const incident = new Date(Date.now() - 10 * DAY);
    const visible = await doc.create({ name: visibleName, severity: "Critical", incidentDate: incident });
    await doc.setTimelineNotes(2, `Latency alarm: ${word} saturated the reranker pool`);
    await doc.checkAiCause("Prompt change");
    await doc.addTag(tag);
    await doc.addImmediateAction(visibleAction, "Sam Whitfield");
    const secret = await doc.create({ name: secretName, severity: "Critical", incidentDate: incident });
    await doc.setTimelineNotes(3, `Same ${word} signature seen here`);
    await doc.checkAiCause("Prompt change");
    await doc.addTag(tag);
    await doc.addImmediateAction(secretAction, "Sam Whitfield");
    await doc.restrict();
    await priya.context.close();

    const viewer = await personPage(browser, "viewer");
    const page = viewer.page;
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
    await expect(page.getByText(secretName)).toHaveCount(0);
    await expect(page.getByText(secretAction)).toHaveCount(0);

    // The phrase is only in one timeline row of each; the viewer finds the visible one, highlighted.
    const list = new PostmortemList(page);
    await list.open();
    await list.search(`"${word} saturated"`);
    await expect(list.results()).toHaveCount(1);
    await expect(list.results().first()).toContainText(visibleName);
    await expect(list.results().first().getByTestId("search-snippet").locator("mark").first()).toHaveText(new RegExp(word, "i"));
    await expect(list.count()).toHaveText("1 postmortem match these filters");
    await list.search(word);
    await expect(list.results()).toHaveCount(1);

    await list.open();
    await list.filter({ "AI root cause": "Prompt change", Severity: "Critical", Tag: `${tag} (1)` });
    await expect(page).toHaveURL(/aiCause=PROMPT_CHANGE/);
    await expect(list.results()).toHaveCount(1);
    await expect(list.results().first()).toContainText(visibleName);
    await expect(list.results().first()).toContainText("Prompt change");
    await expect(list.results().first()).toContainText("1 open");

    // Insights over the test's tag count exactly what the viewer may see.
    const insights = new InsightsPage(page);
    await insights.open(`?tag=${tag}`);
    await expect(insights.figure("insight-total")).toHaveText("1");
    expect(await insights.row("ai-causes", "Prompt change")).toEqual(["1"]);
    expect(await insights.row("incidents-per-month", incident.toISOString().slice(0, 7))).toEqual(["1", "0", "0", "0"]);
    expect(await insights.row("follow-through", "Immediate")).toEqual(["0", "0", "1", "0"]);

    // The tracker's CSV holds the visible action and not the restricted one.
    const tracker = new TrackerPage(page);
    await tracker.open("?ownerId=");
    await tracker.filterOwner("Sam Whitfield", true);
    await expect(tracker.rowWith(visibleAction)).toHaveCount(1);
    await expect(tracker.rowWith(secretAction)).toHaveCount(0);
    const csv = await tracker.downloadCsv();
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toMatch(/^Summary,Description,Issue Type,Status,Assignee,Due Date/);
    const mine = lines.filter((l) => l.includes(visibleAction));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toContain(`,Task,To Do,sam@example.com,${new Date(incident.getTime() + 7 * DAY).toISOString().slice(0, 10)},`);
    expect(mine[0]).toContain(visible.key);
    expect(csv).not.toContain(secretAction);
    expect(csv).not.toContain(secret.key);

    // The weekly report lists the new visible postmortem only.
    const report = new ReportPage(page);
    await report.open();
    await expect(report.section("new")).toContainText(visibleName);
    await expect(page.getByText(secretName)).toHaveCount(0);
    expect(await report.markdown()).not.toContain(secretName);

    // And the restricted postmortem itself is not found (the page streams, so the answer is the not-found page).
    await page.goto(`/postmortems/${secret.id}`);
    await expect(page.getByText(/not found|does not exist/i).first()).toBeVisible();
    await expect(page.getByText(secretName)).toHaveCount(0);
    await viewer.context.close();
  });

  test("a manager's week: overdue actions reach the overview and tracker, three are marked done in bulk, the weekly report lists them", async ({
    browser,
  }) => {
    const suffix = rand();
    const texts = [1, 2, 3].map((n) => `Week ${suffix} follow-up ${n}`);
    const priya = await personPage(browser, "facilitator");
    const doc = new PostmortemDocument(priya.page);
    // Incident ten days ago: the immediate actions' proposed deadlines (+7 days) have passed.
    await doc.create({ name: `Summariser drift ${suffix}`, incidentDate: new Date(Date.now() - 10 * DAY) });
    for (const text of texts) await doc.addImmediateAction(text, "Lena Fischer");
    await priya.context.close();

    const lena = await personPage(browser, "manager");
    const page = lena.page;
    await page.goto("/");
    const overdue = page.getByTestId("overdue-actions");
    for (const text of texts) await expect(overdue.getByText(text)).toBeVisible();
    await expect(page.getByTestId("actions-by-group").getByRole("link", { name: "Lena Fischer" })).toBeVisible();

    await overdue.getByRole("link", { name: "Open in tracker" }).click();
    const tracker = new TrackerPage(page);
    await expect(page).toHaveURL(/\/tracker\?overdue=1/);
    await tracker.filterOwner("Lena Fischer", true);
    for (const text of texts) {
      await expect(tracker.rowWith(text)).toContainText("Overdue");
      await tracker.select(text);
    }
    await expect(await tracker.bulkStatus("Done")).toHaveText("3 actions updated.", { timeout: 30_000 });
    for (const text of texts) await expect(tracker.rowWith(text)).toHaveCount(0);

    const report = new ReportPage(page);
    await report.open("?kind=week");
    for (const text of texts) await expect(report.section("completed")).toContainText(text);
    const markdown = await report.markdown();
    for (const text of texts) expect(markdown).toContain(text);
    await lena.context.close();
  });
});
