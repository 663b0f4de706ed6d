// End-to-end run: makes sure Debian's Chromium is there, starts the built app on its own fresh database
// (a new database on TEST_DATABASE_URL's server, or a new embedded data folder), runs Playwright, cleans up.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const PORT = process.env.E2E_PORT ?? "3100";

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    console.log("Installing Debian's chromium for the end-to-end tests…");
    const update = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    const install = spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    if (update.status === 0 && install.status === 0 && existsSync(CHROMIUM)) return;
  }
  console.error(
    `Chromium was not found at ${CHROMIUM}. Install it (Debian/Ubuntu: sudo apt-get install -y chromium) ` +
      "or set CHROMIUM_PATH to a Chromium or Chrome binary. Playwright's own browser download is not used.",
  );
  process.exit(1);
}

async function freshDatabase() {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "pm-e2e-"));
    return { env: { DATA_DIR: dataDir, DATABASE_URL: "" }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `pm_e2e_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "pm-e2e-"));
  return {
    env: { DATABASE_URL: url.toString(), DATA_DIR: dataDir, SEED_DEMO_DATA: "1", AUTH_SECRET: randomBytes(33).toString("base64") },
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// The wait includes `npm start`'s build when the sources changed since the last one (minutes on 2 cores).
async function waitForHealth(url, server, timeoutMs = 900_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error("The app exited before it became healthy.");
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The app did not become healthy at ${url} within ${timeoutMs / 1000} s.`);
}

ensureChromium();
const db = await freshDatabase();
const baseUrl = `http://localhost:${PORT}`;
const server = spawn("node", ["scripts/start.mjs"], {
  stdio: ["ignore", "inherit", "inherit"],
  env: { ...process.env, ...db.env, PORT, ALLOW_SIGNUP: "false" },
  detached: true,
});
let status = 1;
try {
  await waitForHealth(baseUrl, server);
  const run = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], {
    stdio: "inherit",
    env: {
      ...process.env,
      E2E_BASE_URL: baseUrl,
      CHROMIUM_PATH: CHROMIUM,
      // Specs that start a second app process on the same database (scale-out) need what it must share.
      E2E_DATABASE_URL: db.env.DATABASE_URL ?? "",
      E2E_AUTH_SECRET: db.env.AUTH_SECRET ?? "",
    },
  });
  status = run.status ?? 1;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
} finally {
  try {
    process.kill(-server.pid, "SIGTERM");
  } catch {
    // already gone
  }
  await new Promise((r) => setTimeout(r, 1500));
  await db.drop().catch((e) => console.error("Could not remove the e2e database:", e.message));
}
process.exit(status);
