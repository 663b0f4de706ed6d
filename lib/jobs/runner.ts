import "server-only";
import type PgBoss from "pg-boss";
import type pg from "pg";
import { processDocEventLog } from "@/lib/data/notify-events";
import { runReminders } from "@/lib/data/reminders";
import { attemptWebhookDelivery, strandedDeliveryIds } from "@/lib/data/webhooks";
import { sendNotificationEmail, strandedEmailIds, emailEnabled } from "@/lib/integrations/mailer";
import { syncTrackerTickets } from "@/lib/integrations/trackers";
import { createBoss, ensureQueues, QUEUES, type QueueName } from "@/lib/jobs/queues";

// The worker: every process that runs it takes jobs from the shared queue, so work is spread across
// processes and each job runs once (retried on failure). Schedules are stored in the database, so a
// restart or a second process does not duplicate them.

export type Clock = () => Date;

export type JobRunnerOptions = {
  pool: pg.Pool;
  /** The time reminders are computed for; a test or an operator can move it. */
  clock?: Clock;
  pollingIntervalSeconds?: number;
  /** How often new DocEvents are looked for (0 = only on the per-minute schedule). */
  notifyEverySeconds?: number;
  queueOverrides?: Parameters<typeof ensureQueues>[1];
  /** Run the cron schedules and queue maintenance (off in tests, which send jobs themselves). */
  scheduling?: boolean;
  log?: (line: string) => void;
};

export type JobRunner = {
  boss: PgBoss;
  /** Sends a job and wakes this process's worker for it, instead of waiting for the next poll. */
  send: (name: QueueName, data?: object) => Promise<string | null>;
  stop: () => Promise<void>;
};

export async function startJobRunner(options: JobRunnerOptions): Promise<JobRunner> {
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? ((line: string) => console.log(`[postmortems] ${line}`));
  const scheduling = options.scheduling ?? true;
  const boss = createBoss(options.pool, { schedule: scheduling, supervise: scheduling });
  boss.on("error", (error: unknown) => log(`job queue error: ${error instanceof Error ? error.message : String(error)}`));
  await boss.start();
  await ensureQueues(boss, options.queueOverrides);
  const work = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 1 };

  const workers = new Map<QueueName, string>();
  const wake = (name: QueueName) => {
    const id = workers.get(name);
    if (id) boss.notifyWorker(id);
  };
  const enqueue = async (name: QueueName, ids: string[]) => {
    if (ids.length === 0) return;
    await boss.insert(ids.map((id) => ({ name, data: { id } })));
    wake(name);
  };

  workers.set(
    QUEUES.notify,
    await boss.work(QUEUES.notify, work, async () => {
      const result = await processDocEventLog();
      await enqueue(QUEUES.email, emailEnabled() ? result.emailIds : []);
      await enqueue(QUEUES.webhook, result.deliveryIds);
    }),
  );
  workers.set(
    QUEUES.reminders,
    await boss.work<{ now?: string }>(QUEUES.reminders, work, async ([job]) => {
      const now = job?.data?.now ? new Date(job.data.now) : clock();
      const result = await runReminders(now);
      await enqueue(QUEUES.email, emailEnabled() ? result.emailIds : []);
    }),
  );
  // Emails go out in batches (each one claimed first, so a retried batch skips what was already sent).
  workers.set(
    QUEUES.email,
    await boss.work<{ id: string }>(QUEUES.email, { ...work, batchSize: 20 }, async (jobs) => {
      const results = await Promise.allSettled(jobs.map((job) => sendNotificationEmail(job.data.id)));
      const failed = results.find((r) => r.status === "rejected");
      if (failed) throw failed.reason;
    }),
  );
  workers.set(
    QUEUES.webhook,
    await boss.work<{ id: string }>(QUEUES.webhook, work, async ([job]) => {
      const outcome = await attemptWebhookDelivery(job.data.id);
      if (outcome === "retry") throw new Error(`webhook delivery ${job.data.id} failed; retrying`);
    }),
  );
  workers.set(
    QUEUES.trackerSync,
    await boss.work(QUEUES.trackerSync, work, async () => {
      await syncTrackerTickets();
    }),
  );
  workers.set(
    QUEUES.sweep,
    await boss.work(QUEUES.sweep, work, async () => {
      const olderThan = new Date(Date.now() - 2 * 60_000);
      await enqueue(QUEUES.email, await strandedEmailIds(olderThan));
      await enqueue(QUEUES.webhook, await strandedDeliveryIds(olderThan));
    }),
  );

  if (scheduling) {
    await boss.schedule(QUEUES.notify, "* * * * *");
    await boss.schedule(QUEUES.reminders, "*/10 * * * *");
    await boss.schedule(QUEUES.sweep, "*/5 * * * *");
    await boss.schedule(QUEUES.trackerSync, "*/30 * * * *");
  }

  const every = options.notifyEverySeconds ?? 5;
  const send = async (name: QueueName, data: object = {}) => {
    const id = await boss.send(name, data);
    wake(name);
    return id;
  };
  const timer = every > 0 ? setInterval(() => void send(QUEUES.notify).catch(() => {}), every * 1000) : null;
  timer?.unref();
  return {
    boss,
    send,
    async stop() {
      if (timer) clearInterval(timer);
      await boss.stop({ graceful: true, close: false, wait: true, timeout: 10_000 });
    },
  };
}
