import pg from "pg";

export type PgListener = { stop: () => Promise<void>; notify: (channel: string, payload: string) => Promise<void> };

type Options = {
  url: string;
  channels: string[];
  onNotify: (channel: string, payload: string) => void;
  /** Called after every (re)connection, so subscribers can replay what they may have missed meanwhile. */
  onConnected: (reconnected: boolean) => void;
  log?: (line: string) => void;
};

const MAX_BACKOFF_MS = 5_000;
const PING_MS = 15_000;

/**
 * One dedicated LISTEN connection (plain pg: a transaction pooler would not keep LISTEN). When it drops
 * (database restart, network cut, pg_terminate_backend) it reconnects with exponential backoff; a ping
 * every 15 s finds a silently dead connection.
 */
export function startPgListener({ url, channels, onNotify, onConnected, log = () => {} }: Options): PgListener {
  let client: pg.Client | null = null;
  let stopped = false;
  let attempt = 0;
  let everConnected = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let pingTimer: NodeJS.Timeout | undefined;
  // One query at a time on the connection (presence heartbeats and pings may overlap): pg queues overlapping
  // queries itself only as a deprecated fallback.
  let pending: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = pending.then(task, task);
    pending = run.catch(() => undefined);
    return run;
  };

  const drop = (reason: string) => {
    const dead = client;
    client = null;
    clearInterval(pingTimer);
    dead?.removeAllListeners();
    dead?.on("error", () => {});
    dead?.end().catch(() => {});
    if (stopped) return;
    const delay = Math.min(MAX_BACKOFF_MS, 250 * 2 ** attempt) * (0.75 + Math.random() / 2);
    attempt += 1;
    log(`live updates: LISTEN connection lost (${reason}); reconnecting in ${Math.round(delay)} ms`);
    retryTimer = setTimeout(connect, delay);
    retryTimer.unref();
  };

  async function connect() {
    if (stopped) return;
    const next = new pg.Client({ connectionString: url, keepAlive: true, application_name: "postmortems-listen" });
    next.on("error", (error) => {
      if (client === next) drop(error.message);
    });
    next.on("end", () => {
      if (client === next) drop("connection ended");
    });
    next.on("notification", (message) => onNotify(message.channel, message.payload ?? ""));
    client = next;
    try {
      await next.connect();
      for (const channel of channels) await serial(() => next.query(`LISTEN "${channel}"`));
    } catch (error) {
      if (client === next) drop(error instanceof Error ? error.message : String(error));
      return;
    }
    if (stopped) {
      await next.end().catch(() => {});
      return;
    }
    attempt = 0;
    pingTimer = setInterval(() => {
      serial(() => next.query("SELECT 1")).catch((error: Error) => {
        if (client === next) drop(error.message);
      });
    }, PING_MS);
    pingTimer.unref();
    const reconnected = everConnected;
    everConnected = true;
    onConnected(reconnected);
  }

  void connect();

  return {
    async stop() {
      stopped = true;
      clearTimeout(retryTimer);
      clearInterval(pingTimer);
      const current = client;
      client = null;
      await current?.end().catch(() => {});
    },
    async notify(channel, payload) {
      const current = client;
      if (!current) return;
      await serial(() => current.query("SELECT pg_notify($1, $2)", [channel, payload]));
    },
  };
}
