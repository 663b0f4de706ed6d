// One migrated database for the whole test run, handed to the workers as `inject("databaseUrl")` and,
// through test/setup-env.ts, as process.env.DATABASE_URL. Teardown removes it whatever the outcome.
import type { TestProject } from "vitest/node";
import { describeConnectionError, runMigrations } from "../lib/db/migrate";
import { freshDatabase, type ScratchDatabase } from "./db";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const database = await createDatabase();
  try {
    await runMigrations(database.url);
  } catch (err) {
    await database.drop();
    throw err;
  }
  project.provide("databaseUrl", database.url);
  return () => database.drop();
}

async function createDatabase(): Promise<ScratchDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  try {
    return await freshDatabase();
  } catch (err) {
    // One actionable line instead of a stack when the test server is down or TEST_DATABASE_URL is wrong.
    const line = serverUrl ? describeConnectionError(err, serverUrl, "TEST_DATABASE_URL") : null;
    throw line ? new Error(line) : err;
  }
}
