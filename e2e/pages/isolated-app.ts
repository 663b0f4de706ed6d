// A second app of its own for tests that must break something (here: the database connection), started
// on a free port from the current build, on a fresh database reached through a TCP proxy the test controls.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startTcpProxy, type TcpProxy } from "../../test/tcp-proxy";

export type IsolatedApp = { baseURL: string; proxy: TcpProxy; stop: () => Promise<void> };

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitUntilHealthy(url: string, app: ChildProcess, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error("The isolated app exited before it became healthy.");
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The isolated app did not become healthy at ${url}.`);
}

async function admin(serverUrl: string, sql: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function startIsolatedApp(serverUrl: string): Promise<IsolatedApp> {
  const name = `pm_e2e_outage_${Date.now()}_${randomBytes(3).toString("hex")}`;
  await admin(serverUrl, `CREATE DATABASE "${name}"`);
  const target = new URL(serverUrl);
  target.pathname = `/${name}`;
  const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "pm-outage-"));
  const app = spawn("node", ["scripts/start.mjs"], {
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: proxy.urlFor(target.toString()),
      DATA_DIR: dataDir,
      SEED_DEMO_DATA: "1",
      AUTH_SECRET: randomBytes(33).toString("base64"),
      DATABASE_POOL_SIZE: "4",
    },
  });
  const baseURL = `http://localhost:${port}`;
  const stop = async () => {
    try {
      process.kill(-(app.pid as number), "SIGTERM");
    } catch {
      // already gone
    }
    await proxy.close();
    await new Promise((r) => setTimeout(r, 1000));
    await admin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilHealthy(baseURL, app);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseURL, proxy, stop };
}
