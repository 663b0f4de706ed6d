// Run after `npm install` changes package-lock.json. The registry this project installs from carries only
// some platforms' optional native packages (e.g. macOS or Windows builds of @next/swc) at the pinned
// versions, so npm leaves them out of the lockfile, and `npm ci` then refuses the lockfile as out of sync.
// This adds those entries with their os/cpu/libc constraints and no tarball: npm ci skips them on every
// platform they do not fit, exactly as it would with a complete lockfile.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

const file = "package-lock.json";
const lock = JSON.parse(readFileSync(file, "utf8"));
const packages = lock.packages;

// One field per call: `npm view` returns a bare value, not an object, when only one field is present.
function field(spec, name) {
  const out = execFileSync("npm", ["view", spec, name, "--json"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  return out.trim() ? JSON.parse(out) : undefined;
}

function view(spec) {
  try {
    if (!field(spec, "version")) return null;
    return { os: field(spec, "os"), cpu: field(spec, "cpu"), libc: field(spec, "libc") };
  } catch {
    return null;
  }
}

let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${path}/node_modules/${name}`;
    if (packages[nested] || packages[`node_modules/${name}`]) continue;
    const meta = view(`${name}@${range}`) ?? view(name);
    if (!meta || (!meta.os && !meta.cpu)) {
      console.warn(`skipped ${name}@${range}: no platform constraints found, so it cannot be safely recorded`);
      continue;
    }
    packages[`node_modules/${name}`] = {
      version: range,
      ...(meta.cpu ? { cpu: [].concat(meta.cpu) } : {}),
      ...(entry.dev ? { dev: true } : {}),
      ...(meta.libc ? { libc: [].concat(meta.libc) } : {}),
      optional: true,
      ...(meta.os ? { os: [].concat(meta.os) } : {}),
    };
    added++;
  }
}

lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
writeFileSync(file, JSON.stringify(lock, null, 2) + "\n");
console.log(`Added ${added} platform-specific optional package(s) to ${file}.`);
