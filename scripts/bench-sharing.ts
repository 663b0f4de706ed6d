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

export async function sharingWorkload(ctx: {
  add: Add;
  spread: Spread;
  timeEach: TimeEach;
  owner: Actor;
  bigId: string;
  postmortemIds: string[];
  ownerIds: string[];
}) {
  const { add, spread, timeEach, owner, bigId } = ctx;
  const { exportPostmortem } = await import("@/lib/data/exports");
  for (let i = 0; i < 3; i++) await exportPostmortem(owner, bigId, "md");
  spread("export Markdown (200-row postmortem)", "ms", await timeEach(50, () => exportPostmortem(owner, bigId, "md")));
  spread("export JSON (200-row postmortem)", "ms", await timeEach(50, () => exportPostmortem(owner, bigId, "json")));

  const received = new Map<string, number>();
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let text = "";
      stream.on("data", (c: Buffer) => (text += c.toString("utf8")));
      stream.on("end", () => {
        const key = /Message-ID: <([^>]+)>/i.exec(text)?.[1] ?? text;
        received.set(key, (received.get(key) ?? 0) + 1);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as { port: number }).port}?pool=true&maxConnections=4`;

  const { getDb, getPool } = await import("@/lib/db/client");
  const { QUEUES } = await import("@/lib/jobs/queues");
  const { startJobRunner } = await import("@/lib/jobs/runner");
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
  const deadline = Date.now() + 10 * 60_000;
  const total = () => [...received.values()].reduce((s, n) => s + n, 0);
  while (total() < REMINDERS) {
    if (Date.now() > deadline) throw new Error(`only ${total()} of ${REMINDERS} reminder emails arrived within 10 minutes`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const seconds = (performance.now() - began) / 1000;
  await Promise.all([first.stop(), second.stop()]);
  await otherPool.end();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));

  add(`${REMINDERS} reminders: queued, stored and emailed by 2 workers`, "s", seconds);
  add("reminder email jobs processed", "jobs/s", REMINDERS / seconds);
  add("reminder notifications stored (expected 10000)", "count", await due());
  add("emails received twice (expected 0)", "count", [...received.values()].filter((n) => n > 1).length);
  add(
    "emails received (expected 10000)",
    "count",
    [...received.values()].reduce((s, n) => s + n, 0),
  );
}
