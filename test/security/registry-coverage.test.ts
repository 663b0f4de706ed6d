// Every exported server action is either in the registry (and so in the permission matrix and the fuzz
// test) or listed as self-service with where it is tested. A new action without either fails here.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { coveredNames, REGISTRY, SELF_SERVICE } from "@/test/security/registry";

function serverActionFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return serverActionFiles(full);
    return /\.tsx?$/.test(d.name) && /^\s*["']use server["']/.test(readFileSync(full, "utf8")) ? [full] : [];
  });
}

function exportedActions(file: string): string[] {
  const source = readFileSync(file, "utf8");
  return [...source.matchAll(/^export (?:const|async function) (\w+)/gm)].map((m) => m[1]);
}

describe("the security registry", () => {
  const actions = serverActionFiles(path.resolve("app")).flatMap(exportedActions);

  it("finds the app's server actions", () => {
    expect(actions).toContain("saveEditAction");
    expect(actions.length).toBeGreaterThan(50);
  });

  it("covers every server action, or names it self-service", () => {
    const covered = new Set(REGISTRY.flatMap(coveredNames));
    const missing = actions.filter((name) => !covered.has(name) && !(name in SELF_SERVICE));
    expect(missing).toEqual([]);
  });

  it("lists no self-service action that does not exist", () => {
    expect(Object.keys(SELF_SERVICE).filter((name) => !actions.includes(name))).toEqual([]);
  });
});
