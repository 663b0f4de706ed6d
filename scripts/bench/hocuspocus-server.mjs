// A Hocuspocus server with in-memory Yjs documents (no persistence) for `npm run bench:collab`, in its own
// process like our `next start`; prints its port once listening and stops on SIGTERM.
import { Server } from "@hocuspocus/server";

const server = new Server({ port: 0, address: "127.0.0.1", quiet: true, stopOnSignals: false });
await server.listen();
process.stdout.write(`${server.address.port}\n`);
process.once("SIGTERM", () => void server.destroy().finally(() => process.exit(0)));
