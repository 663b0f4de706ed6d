// What the app treats as "the database cannot be reached" (pages show the calm, self-retrying state) versus a
// bug (the error page): real errors from Prisma over a connection that a TCP proxy cuts, as a network cut or
// a database restart would.
import net from "node:net";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterEach, describe, expect, inject, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { startTcpProxy, type TcpProxy } from "@/test/tcp-proxy";

describe("database unavailable", () => {
  let proxy: TcpProxy | undefined;
  let pool: pg.Pool | undefined;
  let resetting: net.Server | undefined;
  afterEach(async () => {
    await pool?.end().catch(() => undefined);
    await proxy?.close();
    await new Promise((resolve) => (resetting ? resetting.close(resolve) : resolve(undefined)));
  });

  function clientFor(connectionString: string) {
    pool = new pg.Pool({ connectionString, max: 1 });
    pool.on("error", () => undefined);
    return new PrismaClient({ adapter: new PrismaPg(pool) });
  }

  async function clientThroughProxy() {
    const url = new URL(inject("databaseUrl"));
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    return clientFor(proxy.urlFor(url.toString()));
  }

  /** A server whose connections the network resets as soon as the client speaks (ECONNRESET). */
  async function clientOfResettingServer() {
    const server = net.createServer((socket) => socket.once("data", () => socket.resetAndDestroy()));
    resetting = server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    return clientFor(`postgresql://postgres@127.0.0.1:${(server.address() as net.AddressInfo).port}/postmortems`);
  }

  const failure = (p: Promise<unknown>) =>
    p.then(
      () => expect.unreachable("the query should have failed"),
      (error: unknown) => error,
    );

  it("is a connection cut under a running query, then a connection refused", async () => {
    const db = await clientThroughProxy();
    expect(await db.$queryRaw`SELECT 1 AS "one"`).toEqual([{ one: 1 }]);

    const running = failure(db.$queryRaw`SELECT pg_sleep(1)`);
    proxy!.cut();
    expect(isDatabaseUnavailable(await running)).toBe(true);

    expect(isDatabaseUnavailable(await failure(db.user.findFirst()))).toBe(true);
    expect(isDatabaseUnavailable(await failure(db.$queryRaw`SELECT 1`))).toBe(true);
  });

  it('is a connection reset by the network, for raw queries (P2010 "Server has closed the connection") and model queries', async () => {
    const db = await clientOfResettingServer();
    const raw = await failure(db.$queryRaw`SELECT 1`);
    expect(raw).toMatchObject({ code: "P2010" });
    expect(isDatabaseUnavailable(raw)).toBe(true);
    expect(isDatabaseUnavailable(await failure(db.user.findFirst()))).toBe(true);
  });

  it("is not a query the database rejects", async () => {
    const db = await clientThroughProxy();
    expect(isDatabaseUnavailable(await failure(db.$queryRaw`SELECT "noSuchColumn" FROM "User"`))).toBe(false);
    expect(isDatabaseUnavailable(new Error("Cannot read properties of undefined"))).toBe(false);
  });
});
