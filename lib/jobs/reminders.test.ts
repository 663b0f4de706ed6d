import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { getDb, getPool } from "@/lib/db/client";
import { QUEUES } from "@/lib/jobs/queues";
import type { JobRunner } from "@/lib/jobs/runner";
import { createTestPostmortem, createTestUser } from "@/test/factories";
import { runJob, startTestRunner, startWorkerProcess, waitForJob, type WorkerProcess } from "@/test/jobs";
import type { SessionUser } from "@/lib/data/auth";

// Reminders on the real queue with a controllable clock (the job's `now`), a restart, and a second Node
// process running the app's worker on the same database, and their emails received by a real SMTP server.

type Mail = { to: string[]; text: string };
const mails: Mail[] = [];
let smtp: SMTPServer;
let owner: SessionUser;
let postmortemId: string;
const actionIds: Record<string, string> = {};
const NOW = new Date("2031-03-10T08:00:00Z");
let other: WorkerProcess | undefined;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let text = "";
      stream.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
      stream.on("end", () => {
        // The body is quoted-printable: undo its soft line breaks and escaped "=".
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), text: text.replace(/=\r?\n/g, "").replace(/=3D/g, "=") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const { port } = smtp.server.address() as { port: number };
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.APP_URL = "https://postmortems.test";

  owner = await createTestUser("MEMBER");
  ({ id: postmortemId } = await createTestPostmortem(owner));
  const db = getDb();
  // The review was held, so only the actions are reminded.
  await db.postmortem.update({ where: { id: postmortemId }, data: { meetingDate: new Date("2026-11-21T10:00:00Z") } });
  for (const [name, day, number] of [
    ["soon", "2031-03-13", 1],
    ["today", "2031-03-10", 2],
    ["overdue", "2031-03-08", 3],
    ["later", "2031-03-12", 4],
  ] as const) {
    const a = await db.correctiveAction.create({
      data: {
        postmortemId,
        number,
        horizon: "IMMEDIATE",
        action: `Action ${name}`,
        ownerId: owner.id,
        deadline: new Date(`${day}T00:00:00Z`),
      },
    });
    actionIds[name] = a.id;
  }
  await db.correctiveAction.create({
    data: {
      postmortemId,
      number: 5,
      horizon: "IMMEDIATE",
      action: "Done already",
      ownerId: owner.id,
      deadline: new Date("2031-03-10T00:00:00Z"),
      status: "DONE",
    },
  });
});

afterAll(async () => {
  await other?.stop();
  delete process.env.SMTP_URL;
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const remindersOf = async () =>
  getDb().notification.findMany({ where: { userId: owner.id, kind: { startsWith: "action_" } }, orderBy: { kind: "asc" } });

describe("action reminders on the job queue", () => {
  it(
    "creates exactly one reminder each for due in 3 days, today and overdue, across a restart and two processes",
    { timeout: 120_000 },
    async () => {
      let runner: JobRunner = await startTestRunner(getPool());
      await runJob(runner, QUEUES.reminders, { now: NOW.toISOString() });
      await runJob(runner, QUEUES.reminders, { now: new Date(NOW.getTime() + 3_600_000).toISOString() });
      await runner.stop();

      // A restart in another process: while this one's worker is stopped, a second Node process running the
      // app's worker on the same database takes the same day's reminders job.
      other = await startWorkerProcess();
      expect(other.pid).not.toBe(process.pid);
      expect((await other.run(QUEUES.reminders, { now: NOW.toISOString() })).state).toBe("completed");

      // Both processes running, each sending the day's reminders job at the same moment. The reminders queue
      // is "stately" (one job waiting at a time), so it takes both, one after the other, or refuses the
      // second while the first waits; either way each job that ran left one reminder per action.
      runner = await startTestRunner(getPool());
      const sendHere = async () => {
        const id = await runner.send(QUEUES.reminders, { now: NOW.toISOString() });
        return id ? (await waitForJob(runner.boss, QUEUES.reminders, id)).state : "refused";
      };
      const states = await Promise.all([sendHere(), other.run(QUEUES.reminders, { now: NOW.toISOString() }).then((r) => r.state)]);
      expect(states.filter((s) => s !== "refused").length).toBeGreaterThan(0);
      expect(states.filter((s) => s !== "refused" && s !== "completed")).toEqual([]);

      const reminders = await remindersOf();
      expect(reminders.map((r) => [r.kind, r.body])).toEqual([
        ["action_due_soon", "Action soon"],
        ["action_due_today", "Action today"],
        ["action_overdue", "Action overdue"],
      ]);
      expect(reminders.every((r) => r.link === `/postmortems/${postmortemId}#actions`)).toBe(true);

      // The emails, one per reminder, to the owner, with a link into the app.
      const toOwner = () => mails.filter((m) => m.to.includes(owner.email));
      await expect.poll(() => toOwner().length, { timeout: 20_000 }).toBe(3);
      expect(toOwner().every((m) => m.to.length === 1)).toBe(true);
      expect(
        toOwner()
          .map((m) => m.text)
          .join("\n"),
      ).toContain(`https://postmortems.test/postmortems/${postmortemId}#actions`);
      expect(await getDb().notification.count({ where: { userId: owner.id, emailedAt: null } })).toBe(0);

      // On the 16th every open action is overdue: each is reminded once, the first one for its second week.
      await runJob(runner, QUEUES.reminders, { now: new Date("2031-03-16T08:00:00Z").toISOString() });
      await runJob(runner, QUEUES.reminders, { now: new Date("2031-03-16T09:00:00Z").toISOString() });
      const overdue = (await remindersOf()).filter((r) => r.kind === "action_overdue");
      expect(overdue.map((r) => r.dedupeKey).sort()).toEqual(
        [
          `action_overdue:${actionIds.later}:2031-03-12:0`,
          `action_overdue:${actionIds.overdue}:2031-03-08:0`,
          `action_overdue:${actionIds.overdue}:2031-03-08:1`,
          `action_overdue:${actionIds.soon}:2031-03-13:0`,
          `action_overdue:${actionIds.today}:2031-03-10:0`,
        ].sort(),
      );
      await runner.stop();
      await other.stop();
    },
  );
});
