// A TCP proxy that tests put between the app and PostgreSQL, to make the database unreachable on demand
// and reachable again, as a network cut or a database restart would. Used by Vitest integration tests and
// by Playwright specs alike (plain Node, no test-runner imports).
import net from "node:net";

export interface TcpProxy {
  /** Loopback port the proxy listens on. */
  port: number;
  /** `connectionString` with its host and port replaced by the proxy's. */
  urlFor(connectionString: string): string;
  /** Ends every open connection and refuses new ones until `restore()`. */
  cut(): void;
  restore(): void;
  /** Whether the proxy is currently cut. */
  readonly isCut: boolean;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<net.Socket>();
  let cut = false;

  const server = net.createServer((client) => {
    if (cut) {
      client.destroy();
      return;
    }
    const upstream = net.connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on("close", () => open.delete(socket));
      socket.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as net.AddressInfo;

  return {
    port,
    urlFor(connectionString) {
      const url = new URL(connectionString);
      url.hostname = "127.0.0.1";
      url.port = String(port);
      return url.toString();
    },
    cut() {
      cut = true;
      for (const socket of open) socket.destroy();
    },
    restore() {
      cut = false;
    },
    get isCut() {
      return cut;
    },
    close() {
      cut = true;
      for (const socket of open) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
