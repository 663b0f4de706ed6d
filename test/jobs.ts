// Helpers for tests that run the real job queue: start a worker on a pool or in a second Node process,
// run one job and wait for it.
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
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
  const deadline = Date.now() + timeout;
  for (;;) {
    const job = await boss.getJobById(name, id);
    if (job && (job.state === "completed" || job.state === "failed")) return job;
    if (Date.now() > deadline) throw new Error(`${name} job ${id} is still ${job?.state ?? "missing"} after ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export type WorkerProcessRequest = { type: "run"; ref: number; name: string; data: object } | { type: "stop" };
export type WorkerProcessReply =
  | { type: "ready"; pid: number }
  | { type: "done"; ref: number; state: string; pid: number }
  | { type: "error"; ref: number; message: string };

export type WorkerProcess = {
  pid: number;
  /** Sends a job from the other process and answers its final state ("refused" when the queue did not take it). */
  run: (name: QueueName, data?: object) => Promise<{ state: string; pid: number }>;
  stop: () => Promise<void>;
};

/**
 * Starts a second Node process (through tsx, like `npm run db:seed`) running the real job worker on the
 * same database and SMTP server as this process (it inherits DATABASE_URL and SMTP_URL).
 */
export function startWorkerProcess(timeout = 60_000): Promise<WorkerProcess> {
  const child: ChildProcess = fork(path.resolve("test/worker-process.ts"), [], {
    execArgv: ["--import", "tsx", "--conditions", "react-server"],
    env: process.env,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const waiting = new Map<number, { resolve: (r: { state: string; pid: number }) => void; reject: (e: Error) => void }>();
  let nextRef = 1;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the worker process did not start within ${timeout} ms`));
    }, timeout);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the worker process exited with code ${code} before it was ready`));
      for (const w of waiting.values()) w.reject(new Error(`the worker process exited with code ${code}`));
    });
    child.on("message", (message: WorkerProcessReply) => {
      if (message.type === "ready") {
        clearTimeout(timer);
        resolve({
          pid: message.pid,
          run: (name, data = {}) =>
            new Promise((res, rej) => {
              const ref = nextRef++;
              waiting.set(ref, { resolve: res, reject: rej });
              child.send({ type: "run", ref, name, data } satisfies WorkerProcessRequest);
            }),
          async stop() {
            if (child.exitCode === null) child.send({ type: "stop" } satisfies WorkerProcessRequest);
            await exited;
          },
        });
        return;
      }
      const w = waiting.get(message.ref);
      if (message.type === "error" && !w) {
        clearTimeout(timer);
        reject(new Error(message.message));
        return;
      }
      waiting.delete(message.ref);
      if (message.type === "done") w?.resolve({ state: message.state, pid: message.pid });
      else w?.reject(new Error(message.message));
    });
  });
}
