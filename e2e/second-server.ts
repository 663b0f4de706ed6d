import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";

/** A free loopback port, found by listening on port 0. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export type AppProcess = { url: string; stop: () => Promise<void>; output: () => string };

/**
 * Another `next start` process of the same build on the same PostgreSQL (sharing AUTH_SECRET), as a
 * second instance behind a load balancer would run.
 */
export async function startSecondServer(databaseUrl: string, authSecret: string): Promise<AppProcess> {
  const port = await freePort();
  const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
  let log = "";
  const child: ChildProcess = spawn(process.execPath, [nextBin, "start", "-p", String(port)], {
    env: { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: authSecret, PORT: String(port), SEED_DEMO_DATA: "0" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout?.on("data", (d) => (log += String(d)));
  child.stderr?.on("data", (d) => (log += String(d)));
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The second app process exited:\n${log}`);
    if (Date.now() > deadline) throw new Error(`The second app process did not start:\n${log}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    output: () => log,
    stop: async () => {
      try {
        process.kill(-(child.pid as number), "SIGTERM");
      } catch {
        // already gone
      }
      await new Promise((r) => setTimeout(r, 500));
    },
  };
}
