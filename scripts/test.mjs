// `npm test`: everything CI checks, in order of speed, stopping at the first failure.
import { spawnSync } from "node:child_process";

const steps = [
  ["Typecheck", "npx", ["tsc", "--noEmit"]],
  ["Lint", "npx", ["eslint", ".", "--max-warnings", "0"]],
  ["Formatting", "npx", ["prettier", "--check", "."]],
  ["Unit and integration tests", "npx", ["vitest", "run"]],
  ["End-to-end tests", "node", ["scripts/e2e.mjs"]],
];

for (const [name, cmd, args] of steps) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed.`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
