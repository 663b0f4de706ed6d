import { test, expect, signIn, personPage, uniqueKey } from "./fixtures";
import { ImportPage, PostmortemDocument } from "./pages/postmortem-document";

// Sharing a postmortem: downloads that match the page, an import that renders the same, a restricted
// postmortem's downloads hidden from outsiders, and the external summary's approval and public page.

const DEMO_KEY = "INC-2026-0041";

test.describe("exports", () => {
  test("Markdown and JSON downloads carry what the page shows, and the JSON imports into an equal postmortem", async ({ page }) => {
    await signIn(page, "facilitator");
    const doc = new PostmortemDocument(page);
    await doc.openByKey(DEMO_KEY);
    const title = (await page.getByRole("heading", { level: 1 }).textContent())!.trim();
    const summary = await doc.section("summary").getByLabel("In 2-3 sentences, what happened?").inputValue();
    const rootCause = await doc.section("root-cause").getByLabel("Root cause", { exact: true }).inputValue();

    const md = await doc.download("Download Markdown");
    expect(md.fileName).toBe(`${DEMO_KEY}-postmortem.md`);
    expect(md.text).toContain(`# AI Incident Post-Mortem: ${title}`);
    expect(md.text).toContain(`- **Incident ID:** ${DEMO_KEY}`);
    expect(md.text).toContain(summary);
    expect(md.text).toContain(`**Root cause:** ${rootCause}`);
    expect(md.text).toContain("| Pin every production model to an explicit snapshot (SUP-812) |");
    expect(md.text).toContain("- [x] **Model update**");

    const json = await doc.download("Download JSON");
    expect(json.fileName).toBe(`${DEMO_KEY}-postmortem.json`);
    const data = JSON.parse(json.text);
    expect(data.format).toBe("ai-postmortem/v1");
    expect(data.incident).toMatchObject({ id: DEMO_KEY, name: title });
    expect(data.summary).toBe(summary);
    expect(data.rootCauseAnalysis.rootCause).toBe(rootCause);

    const copyKey = uniqueKey("INC-IMP");
    await new ImportPage(page).importFile(json.path, copyKey);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(doc.section("summary").getByLabel("In 2-3 sentences, what happened?")).toHaveValue(summary);
    await expect(doc.section("root-cause").getByLabel("Root cause", { exact: true })).toHaveValue(rootCause);
    const copyMd = await doc.download("Download Markdown");
    expect(copyMd.fileName).toBe(`${copyKey}-postmortem.md`);
    expect(copyMd.text.replace(copyKey, DEMO_KEY)).toBe(md.text);
  });

  test("a restricted postmortem's exports are 404 to someone outside it", async ({ page, browser }) => {
    await signIn(page, "facilitator");
    await page.goto("/postmortems/new");
    await page.getByLabel("Incident ID").fill(uniqueKey("INC-RST"));
    await page.getByLabel("Incident name").fill("Restricted retrieval leak");
    await page.getByLabel(/High/).check();
    await page.getByRole("button", { name: "Create postmortem" }).click();
    await expect(page).toHaveURL(/\/postmortems\/(?!new$)[a-z0-9]+$/);
    const url = page.url();
    const external = new PostmortemDocument(page).section("external-summary");
    await external.getByLabel("Restricted (only participants can see it)").check();
    await expect(external.getByTestId("save-state")).toHaveText("Saved");

    const id = url.split("/").pop();
    expect((await page.request.get(`/api/postmortems/${id}/export/md`)).status()).toBe(200);
    const outsider = await personPage(browser, "viewer");
    for (const format of ["md", "json"]) {
      expect((await outsider.page.request.get(`/api/postmortems/${id}/export/${format}`)).status()).toBe(404);
    }
    await outsider.page.goto(url);
    await expect(outsider.page.getByRole("heading", { name: "Not found" })).toBeVisible();
    await outsider.context.close();
  });
});

test.describe("external summary", () => {
  test("approve, publish, read signed out, edit after approval, re-approve, revoke", async ({ page, browser }) => {
    await signIn(page, "facilitator");
    const doc = new PostmortemDocument(page);
    await doc.openByKey(DEMO_KEY);
    await doc.writeExternalPart("What happened", "Our assistant offered refunds it should not have.");
    await doc.release.getByRole("button", { name: "Approve external summary" }).click();
    await expect(doc.release.getByText("Approved", { exact: true })).toBeVisible();
    await doc.release.getByRole("button", { name: "Publish public page" }).click();
    const link = doc.release.getByTestId("public-link");
    await expect(link).toBeVisible();
    const publicPath = (await link.getAttribute("href"))!;

    const visitor = await browser.newContext();
    const anon = await visitor.newPage();
    await anon.goto(publicPath);
    await expect(anon.getByRole("heading", { level: 1 })).toHaveText("Vendor model update produced hallucinated refund promises");
    await expect(anon.getByTestId("public-whatHappened")).toHaveText("Our assistant offered refunds it should not have.");
    await expect(anon.getByTestId("public-customer-impact")).toHaveText("High");
    await expect(anon.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
    await expect(anon.getByText("Model versions were referenced by a floating alias")).toHaveCount(0);
    await expect(anon.getByRole("button")).toHaveCount(0);

    await doc.writeExternalPart("What happened", "A draft nobody approved yet.");
    await expect(doc.release.getByText("Changed since approval: needs a new approval")).toBeVisible();
    await expect(doc.release.getByText("The public page keeps showing the approved version")).toBeVisible();
    await anon.reload();
    await expect(anon.getByTestId("public-whatHappened")).toHaveText("Our assistant offered refunds it should not have.");

    await doc.release.getByRole("button", { name: "Approve external summary" }).click();
    await expect(doc.release.getByText("Approved", { exact: true })).toBeVisible();
    await anon.reload();
    await expect(anon.getByTestId("public-whatHappened")).toHaveText("A draft nobody approved yet.");

    await doc.release.getByRole("button", { name: "Revoke public link" }).click();
    await expect(doc.release.getByText("Link revoked")).toBeVisible();
    expect((await anon.goto(publicPath))?.status()).toBe(404);
    await visitor.close();
  });

  test("someone who is not the facilitator cannot approve it", async ({ browser }) => {
    const attendee = await personPage(browser, "attendee");
    await new PostmortemDocument(attendee.page).openByKey(DEMO_KEY);
    const release = attendee.page.getByTestId("external-release");
    await expect(release.getByText("The facilitator or an administrator approves")).toBeVisible();
    await expect(release.getByRole("button", { name: "Approve external summary" })).toHaveCount(0);
    await attendee.context.close();
  });
});
