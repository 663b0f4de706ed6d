// The sharing part of `npm run bench`, run by scripts/bench-data.ts on its database: Markdown and JSON
// export of the 200-row postmortem, and 10,000 reminders through the job queue with two workers (their
// own pools, as two processes would have), emailed to a local SMTP server: jobs per second, none twice.
import { performance } from "node:perf_hooks";
import pg from "pg";
import { SMTPServer } from "smtp-server";
import type { Actor } from "@/lib/auth/permissions";

type Add = (name: string, unit: string, value: number) => void;
type Spread = (name: string, unit: string, samples: number[]) => void;
type TimeEach = (n: number, fn: (i: number) => Promise<unknown>) => Promise<number[]>;

export const REMINDERS = 10_000;

export type MailSink = {
  /** Emails per bench action reminder, by recipient and action. */
  received: Map<string, number>;
  /** Emails about anything else (the bench's postmortems also owe review reminders). */
  others: { count: number };
  close: () => Promise<void>;
};

/**
 * A local SMTP server counting the reminder emails it receives. Started before the data layer first reads
 * its settings, as lib/env.ts keeps SMTP_URL from that first read.
 */
export async function startMailSink(): Promise<MailSink> {
  const received = new Map<string, number>();
  const others = { count: 0 };
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let text = "";
      stream.on("data", (c: Buffer) => (text += c.toString("utf8")));
      stream.on("end", () => {
        // Keyed by recipient and the action the reminder names (unique per reminder), not by Message-ID,
        // which is new on every send and so would hide a reminder emailed twice.
        const action = /Bench action \d+/.exec(text.replace(/=\r?\n/g, ""))?.[0];
        const key = `${session.envelope.rcptTo.map((r) => r.address).join(",")} ${action}`;
        if (action) received.set(key, (received.get(key) ?? 0) + 1);
        else others.count++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as { port: number }).port}?pool=true&maxConnections=4`;

  return { received, others, close: () => new Promise<void>((resolve) => smtp.close(() => resolve())) };
}

export async function sharingWorkload(ctx: {
  add: Add;
  spread: Spread;
  timeEach: TimeEach;
  owner: Actor;
  bigId: string;
  postmortemIds: string[];
  ownerIds: string[];
  mail: MailSink;
}) {
  const { add, spread, timeEach, owner, bigId } = ctx;
  const { received } = ctx.mail;
  const { exportPostmortem } = await import("@/lib/data/exports");
  for (let i = 0; i < 3; i++) await Promise.all([exportPostmortem(owner, bigId, "md"), exportPostmortem(owner, bigId, "json")]);
  spread("export Markdown (200-row postmortem)", "ms", await timeEach(50, () => exportPostmortem(owner, bigId, "md")));
  spread("export JSON (200-row postmortem)", "ms", await timeEach(50, () => exportPostmortem(owner, bigId, "json")));

  const { getDb, getPool } = await import("@/lib/db/client");
  const { QUEUES } = await import("@/lib/jobs/queues");
  const { startJobRunner } = await import("@/lib/jobs/runner");
  const { emailEnabled } = await import("@/lib/integrations/mailer");
  if (!emailEnabled()) throw new Error("email is off: SMTP_URL was not set before the settings were first read");
  const db = getDb();
  const now = new Date("2031-01-15T08:00:00Z");
  const perPostmortem = Math.ceil(REMINDERS / ctx.postmortemIds.length);
  const rows = Array.from({ length: REMINDERS }, (_, i) => ({
    postmortemId: ctx.postmortemIds[Math.floor(i / perPostmortem)],
    number: 1000 + (i % perPostmortem),
    horizon: "IMMEDIATE" as const,
    action: `Bench action ${i}`,
    ownerId: ctx.ownerIds[i % ctx.ownerIds.length],
    deadline: new Date("2031-01-15T00:00:00Z"),
  }));
  for (let i = 0; i < rows.length; i += 1000) await db.correctiveAction.createMany({ data: rows.slice(i, i + 1000) });

  const otherPool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  const quiet = { log: () => {}, scheduling: false, notifyEverySeconds: 0, pollingIntervalSeconds: 0.5 };
  const first = await startJobRunner({ pool: getPool(), ...quiet });
  const second = await startJobRunner({ pool: otherPool, ...quiet });
  const began = performance.now();
  await Promise.all([
    first.boss.send(QUEUES.reminders, { now: now.toISOString() }),
    second.boss.send(QUEUES.reminders, { now: now.toISOString() }),
  ]);
  const due = () => db.notification.count({ where: { kind: "action_due_today", dedupeKey: { contains: ":2031-01-15" } } });
  const total = () => [...received.values()].reduce((s, n) => s + n, 0);
  // Gives up when no email has arrived for two minutes, rather than after a fixed time on a slow machine.
  let seen = 0;
  let lastProgress = Date.now();
  while (total() < REMINDERS) {
    if (total() > seen) [seen, lastProgress] = [total(), Date.now()];
    if (Date.now() - lastProgress > 120_000) throw new Error(`only ${seen} of ${REMINDERS} reminder emails arrived (none for 2 minutes)`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const seconds = (performance.now() - began) / 1000;
  const emailJobs = total() + ctx.mail.others.count;
  await Promise.all([first.stop(), second.stop()]);
  await otherPool.end();

  add(`${REMINDERS} reminders: queued, stored and emailed by 2 workers`, "s", seconds);
  add("email jobs processed (all reminders)", "jobs/s", emailJobs / seconds);
  add("reminder notifications stored (expected 10000)", "count", await due());
  add("reminders emailed, distinct (expected 10000)", "count", received.size);
  add("reminders emailed twice or more (expected 0)", "count", [...received.values()].filter((n) => n > 1).length);
  add("action reminder emails received (expected 10000)", "count", total());
  add("other emails received (review reminders)", "count", ctx.mail.others.count);
}
