import { afterEach, describe, expect, it } from "vitest";
import pg from "pg";
import { SESSION_OPTIONS, connectionConfig } from "@/lib/db/client";

// What node-postgres itself would send at startup, for a pool built from connectionConfig.
const sentOptions = (url: string) => {
  const client = new pg.Client(connectionConfig(url)) as unknown as { connectionParameters: { options?: string } };
  return client.connectionParameters.options;
};

describe("the app's PostgreSQL sessions", () => {
  const embedded = process.env.EMBEDDED_DATABASE;
  afterEach(() => {
    if (embedded === undefined) delete process.env.EMBEDDED_DATABASE;
    else process.env.EMBEDDED_DATABASE = embedded;
  });

  it("run with the app's planner settings, before any options in the URL so those still win", () => {
    delete process.env.EMBEDDED_DATABASE;
    expect(SESSION_OPTIONS).toContain("-c jit=off");
    expect(sentOptions("postgresql://app@db:5432/pm")).toBe(SESSION_OPTIONS);
    expect(sentOptions("postgresql://app@db:5432/pm?options=-c%20jit%3Don&sslmode=disable")).toBe(`${SESSION_OPTIONS} -c jit=on`);
  });

  it("are the settings PostgreSQL applies, the URL's last", async () => {
    const url = process.env.TEST_DATABASE_URL;
    if (!url || process.env.EMBEDDED_DATABASE === "1") return;
    const client = new pg.Client(connectionConfig(`${url}${url.includes("?") ? "&" : "?"}options=-c%20jit%3Don`));
    await client.connect();
    try {
      const shown = await client.query<{ jit: string; rpc: string; workers: string }>(
        "SELECT current_setting('jit') AS jit, current_setting('random_page_cost') AS rpc, current_setting('max_parallel_workers_per_gather') AS workers",
      );
      expect(shown.rows[0]).toEqual({ jit: "on", rpc: "1.1", workers: "0" });
    } finally {
      await client.end();
    }
  });

  it("send no startup options to the embedded database", () => {
    process.env.EMBEDDED_DATABASE = "1";
    expect(connectionConfig("postgresql://postgres@127.0.0.1:5433/postgres")).toEqual({
      connectionString: "postgresql://postgres@127.0.0.1:5433/postgres",
    });
  });
});
