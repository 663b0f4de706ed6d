// A Prisma generator that only writes the parsed datamodel (DMMF) to its `output` path. The Prisma CLI
// speaks JSON-RPC to generators over stdin/stderr; this is the whole protocol a generator needs.
import { writeFileSync } from "node:fs";
import { createInterface } from "node:readline";

function reply(message) {
  process.stderr.write(`${JSON.stringify({ jsonrpc: "2.0", ...message })}\n`);
}

createInterface({ input: process.stdin }).on("line", (line) => {
  const request = JSON.parse(line);
  if (request.method === "getManifest") {
    reply({ id: request.id, result: { manifest: { prettyName: "DMMF for tests", requiresEngines: [] } } });
  } else if (request.method === "generate") {
    try {
      writeFileSync(request.params.generator.output.value, JSON.stringify(request.params.dmmf.datamodel));
      reply({ id: request.id, result: null });
    } catch (err) {
      reply({ id: request.id, error: { code: -32000, message: String(err), data: null } });
    }
  }
});
