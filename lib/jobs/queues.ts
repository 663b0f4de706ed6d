import "server-only";
import PgBoss from "pg-boss";
import type pg from "pg";

// The job queue is pg-boss on the app's own PostgreSQL, in its own "pgboss" schema. It runs its SQL
// through the app's pool: on the embedded database that is the single connection every query shares.

export const QUEUES = {
  notify: "notify-events",
  reminders: "reminders",
  email: "send-email",
  webhook: "deliver-webhook",
  trackerSync: "tracker-sync",
  sweep: "sweep-deliveries",
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Retry policy per queue: webhooks back off exponentially (2 s, 4 s, 8 s…), mail a little. */
export const QUEUE_OPTIONS: Record<QueueName, Omit<PgBoss.Queue, "name">> = {
  [QUEUES.notify]: { policy: "stately", retryLimit: 5, retryDelay: 5, retryBackoff: true },
  [QUEUES.reminders]: { policy: "stately", retryLimit: 5, retryDelay: 30, retryBackoff: true },
  [QUEUES.email]: { retryLimit: 5, retryDelay: 10, retryBackoff: true },
  [QUEUES.webhook]: { retryLimit: 10, retryDelay: 2, retryBackoff: true },
  [QUEUES.trackerSync]: { policy: "stately", retryLimit: 3, retryDelay: 60, retryBackoff: true },
  [QUEUES.sweep]: { policy: "stately", retryLimit: 1 },
};

export function createBoss(pool: pg.Pool, options: Partial<PgBoss.ConstructorOptions> = {}): PgBoss {
  return new PgBoss({
    db: { executeSql: async (text: string, values: unknown[]) => pool.query(text, values) },
    schema: "pgboss",
    ...options,
  } as PgBoss.ConstructorOptions);
}

export async function ensureQueues(boss: PgBoss, overrides: Partial<Record<QueueName, Partial<PgBoss.Queue>>> = {}) {
  for (const name of Object.values(QUEUES)) {
    const options = { name, ...QUEUE_OPTIONS[name], ...overrides[name] };
    if (await boss.getQueue(name)) await boss.updateQueue(name, options);
    else await boss.createQueue(name, options);
  }
}
