import "server-only";
import { getPool } from "@/lib/db/client";
import { startJobRunner } from "@/lib/jobs/runner";

/**
 * Starts this server process's job worker (every process runs one; the queue hands each job to one of
 * them). Set JOBS_WORKER=off on processes that should only serve pages.
 */
export async function startJobs(log: (line: string) => void) {
  if (process.env.JOBS_WORKER === "off") return;
  try {
    const runner = await startJobRunner({ pool: getPool(), log });
    log("Job worker started (reminders, notifications, emails, webhooks, tracker sync).");
    const stop = () => void runner.stop().catch(() => {});
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  } catch (error) {
    log(`Job worker could not start: ${error instanceof Error ? error.message : String(error)}`);
  }
}
