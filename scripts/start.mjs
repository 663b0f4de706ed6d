// `npm start`: builds when the build is missing or older than the sources, then serves with `next start`.
// Migrations, the embedded database and the demo data are handled at server start (instrumentation.ts).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const root = process.cwd();
// Next's own CLI, run by this Node directly (not through npx) so that stop signals reach the server.
const nextBin = createRequire(path.join(root, "package.json")).resolve("next/dist/bin/next");
const SOURCES = ["app", "components", "lib", "prisma", "public", "instrumentation.ts", "next.config.mjs", "package-lock.json"];

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) {
    if (entry === "generated" || entry === "node_modules") continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

const buildId = path.join(root, ".next", "BUILD_ID");
const stale = !existsSync(buildId) || SOURCES.some((s) => newestMtime(path.join(root, s)) > statSync(buildId).mtimeMs);
if (stale) {
  console.log("[postmortems] Building the app (first start or changed sources)…");
  const build = spawnSync(process.execPath, [nextBin, "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = process.env.PORT ?? "3000";
// The embedded demo (published demo passwords) is reachable from this machine only unless BIND_ADDRESS says
// otherwise; with a real database the server listens on every interface as before.
const host = process.env.BIND_ADDRESS || (process.env.DATABASE_URL ? "" : "127.0.0.1");
const server = spawn(process.execPath, [nextBin, "start", "-p", port, ...(host ? ["-H", host] : [])], {
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
