// Helpers for tests that run the real job queue: start a worker on a pool, run one job and wait for it.
import { vi } from "vitest";
import type PgBoss from "pg-boss";
import type pg from "pg";
import { startJobRunner, type JobRunner, type JobRunnerOptions } from "@/lib/jobs/runner";
import type { QueueName } from "@/lib/jobs/queues";

export function startTestRunner(pool: pg.Pool, options: Partial<JobRunnerOptions> = {}): Promise<JobRunner> {
  // Slow polling keeps the shared test database quiet; jobs sent through the runner wake their worker.
  return startJobRunner({ pool, pollingIntervalSeconds: 2, notifyEverySeconds: 0, scheduling: false, log: () => {}, ...options });
}

/** Sends a job and waits until the queue reports it finished (completed or finally failed). */
export async function runJob(runner: JobRunner, name: QueueName, data: object = {}, timeout = 30_000) {
  const id = await runner.send(name, data);
  if (!id) throw new Error(`the queue refused a ${name} job`);
  return waitForJob(runner.boss, name, id, timeout);
}

export async function waitForJob(boss: PgBoss, name: QueueName, id: string, timeout = 30_000) {
  return vi.waitFor(
    async () => {
      const job = await boss.getJobById(name, id);
      if (!job || (job.state !== "completed" && job.state !== "failed")) throw new Error(`${name} job is ${job?.state ?? "missing"}`);
      return job;
    },
    { timeout, interval: 200 },
  );
}
