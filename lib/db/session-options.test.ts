import { afterEach, describe, expect, it } from "vitest";
import pg from "pg";
import { connectionConfig } from "@/lib/db/client";

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

  it("run with JIT off, after any options already in the URL", () => {
    delete process.env.EMBEDDED_DATABASE;
    expect(sentOptions("postgresql://app@db:5432/pm")).toBe("-c jit=off");
    expect(sentOptions("postgresql://app@db:5432/pm?options=-c%20statement_timeout%3D5000&sslmode=disable")).toBe(
      "-c statement_timeout=5000 -c jit=off",
    );
  });

  it("send no startup options to the embedded database", () => {
    process.env.EMBEDDED_DATABASE = "1";
    expect(connectionConfig("postgresql://postgres@127.0.0.1:5433/postgres")).toEqual({
      connectionString: "postgresql://postgres@127.0.0.1:5433/postgres",
    });
  });
});
