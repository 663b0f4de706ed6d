// A second app process for tests that need one: it runs the real job worker (lib/jobs/runner) on the
// DATABASE_URL and SMTP_URL it inherits, and over IPC sends a job when told to, answering once the job
// finished. Started by startWorkerProcess in test/jobs.ts; never imported by the app.
import { getDb, getPool } from "@/lib/db/client";
import { startJobRunner } from "@/lib/jobs/runner";
import type { QueueName } from "@/lib/jobs/queues";
import { waitForJob, type WorkerProcessReply, type WorkerProcessRequest } from "./jobs";

async function main() {
  const runner = await startJobRunner({
    pool: getPool(),
    pollingIntervalSeconds: 2,
    notifyEverySeconds: 0,
    scheduling: false,
    log: () => {},
  });
  const reply = (message: WorkerProcessReply) => process.send?.(message);
  process.on("message", (message: WorkerProcessRequest) => {
    if (message.type === "stop") {
      void runner
        .stop()
        .then(() => getDb().$disconnect())
        .finally(() => process.exit(0));
      return;
    }
    void (async () => {
      try {
        // A queue with the "stately" policy refuses a job while one of its kind is already waiting.
        const id = await runner.send(message.name as QueueName, message.data);
        const state = id ? (await waitForJob(runner.boss, message.name as QueueName, id)).state : "refused";
        reply({ type: "done", ref: message.ref, state, pid: process.pid });
      } catch (error) {
        reply({ type: "error", ref: message.ref, message: error instanceof Error ? error.message : String(error) });
      }
    })();
  });
  reply({ type: "ready", pid: process.pid });
}

main().catch((error: unknown) => {
  process.send?.({ type: "error", ref: 0, message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
