import pg from "pg";
import { test, expect, personPage } from "./fixtures";
import { PostmortemDocument } from "./pages/postmortem-document";
import { startSecondServer } from "./second-server";
import { startTcpProxy } from "../test/tcp-proxy";

// Two `next start` processes on one PostgreSQL, each with one person on the same postmortem. Needs a real
// PostgreSQL (LISTEN/NOTIFY); the embedded database is single-process by design.
const databaseUrl = process.env.E2E_DATABASE_URL ?? "";
const authSecret = process.env.E2E_AUTH_SECRET ?? "";

async function killListeners() {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query(
    "SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE application_name = 'postmortems-listen' AND datname = current_database()",
  );
  await client.end();
  return rows.length;
}

test.describe("several server processes", () => {
  test.skip(!databaseUrl, "needs a real PostgreSQL (TEST_DATABASE_URL)");

  test("a LISTEN connection killed mid-stream loses no event, and a 10 s database outage loses no edit", async ({ browser }) => {
    test.setTimeout(300_000);
    const proxy = await startTcpProxy({ host: new URL(databaseUrl).hostname, port: Number(new URL(databaseUrl).port || 5432) });
    const second = await startSecondServer(proxy.urlFor(databaseUrl), authSecret);
    try {
      const priya = await personPage(browser, "facilitator");
      const facilitator = new PostmortemDocument(priya.page);
      const { url } = await facilitator.create({ name: "Router sent premium users to the small model", severity: "Critical" });
      await facilitator.addAttendee("Sam Whitfield");
      const sam = await personPage(browser, "attendee", { baseURL: second.url });
      const attendee = new PostmortemDocument(sam.page);
      await attendee.open(`${second.url}${new URL(url).pathname}`);
      for (const doc of [facilitator, attendee]) {
        await doc.connected("Priya Raman");
        await doc.connected("Sam Whitfield");
      }

      // A stream of edits on process 1; process 2's LISTEN connection is killed in the middle of it.
      const edits: [field: "Event" | "Notes", row: number, text: string][] = [];
      for (let row = 1; row <= 8; row++) {
        edits.push(["Event", row, `Event ${row} as agreed`], ["Notes", row, `Note ${row}`]);
      }
      for (const [i, [field, row, text]] of edits.entries()) {
        if (i === 6) expect(await killListeners()).toBeGreaterThan(0);
        await facilitator.cell(field, row).fill(text);
        await facilitator.cell(field, row).blur();
      }
      await facilitator.allSaved();
      for (const [field, row, text] of edits) await expect(attendee.cell(field, row)).toHaveValue(text);

      // The database is unreachable from process 2 for 10 s: the page says so, edits wait and land.
      proxy.cut();
      const cutAt = Date.now();
      const offlineEdits: [field: "Actor", row: number, text: string][] = [
        ["Actor", 1, "Router"],
        ["Actor", 2, "Gateway"],
        ["Actor", 3, "On-call"],
      ];
      for (const [field, row, text] of offlineEdits) {
        await attendee.cell(field, row).fill(text);
        await attendee.cell(field, row).blur();
      }
      await expect(attendee.page.getByTestId("outage-banner")).toContainText("will be sent when the connection returns");
      await expect(attendee.saveState).toHaveText(/Not connected — \d changes? will be sent/);
      await expect(attendee.page.locator("body")).not.toContainText(/Error:|at [\w.]+ \(/);
      await new Promise((r) => setTimeout(r, Math.max(0, 10_000 - (Date.now() - cutAt))));
      proxy.restore();
      await expect(attendee.saveState).toHaveText("All changes saved", { timeout: 20_000 });
      for (const [field, row, text] of offlineEdits) await expect(facilitator.cell(field, row)).toHaveValue(text);
      await expect(attendee.page.getByTestId("outage-banner")).toHaveCount(0);
      for (const person of [priya, sam]) await person.context.close();
    } finally {
      await second.stop();
      await proxy.close();
    }
  });
});
