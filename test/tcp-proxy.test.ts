import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startTcpProxy, type TcpProxy } from "./tcp-proxy";

async function echoServer() {
  const server = net.createServer((socket) => socket.pipe(socket));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return { server, port: (server.address() as net.AddressInfo).port };
}

function roundTrip(port: number, text: string) {
  return new Promise<string>((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write(text));
    socket.once("data", (data) => {
      resolve(data.toString());
      socket.destroy();
    });
    socket.once("error", reject);
    socket.once("close", () => reject(new Error("closed")));
  });
}

describe("the tests' TCP proxy", () => {
  let proxy: TcpProxy | undefined;
  let echo: Awaited<ReturnType<typeof echoServer>> | undefined;
  afterEach(async () => {
    await proxy?.close();
    await new Promise((resolve) => echo?.server.close(resolve));
  });

  it("forwards, refuses while cut, and forwards again once restored", async () => {
    echo = await echoServer();
    proxy = await startTcpProxy({ host: "127.0.0.1", port: echo.port });
    expect(await roundTrip(proxy.port, "before")).toBe("before");

    proxy.cut();
    await expect(roundTrip(proxy.port, "during")).rejects.toThrow();

    proxy.restore();
    expect(await roundTrip(proxy.port, "after")).toBe("after");
  });

  it("rewrites a connection string to go through it", async () => {
    echo = await echoServer();
    proxy = await startTcpProxy({ host: "127.0.0.1", port: echo.port });
    expect(proxy.urlFor("postgresql://postgres@db.internal:5432/app")).toBe(`postgresql://postgres@127.0.0.1:${proxy.port}/app`);
  });
});
