// A local OpenAI-compatible chat-completions server for tests: records each request and answers with a
// streamed (SSE) completion whose content the test chooses, an HTTP error, or nothing at all (a hang).
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type Behaviour =
  | { type: "content"; content: string; usage?: { prompt_tokens: number; completion_tokens: number } }
  | { type: "status"; status: number; body?: string }
  | { type: "hang" };

export type RecordedRequest = { path: string; headers: IncomingMessage["headers"]; body: Record<string, unknown> };

export type FakeEndpoint = {
  baseUrl: string;
  requests: RecordedRequest[];
  answerWith: (behaviour: Behaviour) => void;
  close: () => Promise<void>;
};

function chunk(delta: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return `data: ${JSON.stringify({ id: "chatcmpl-test", object: "chat.completion.chunk", created: 0, model: "test-model", choices: [{ index: 0, delta, finish_reason: null }], ...extra })}\n\n`;
}

export async function startFakeEndpoint(): Promise<FakeEndpoint> {
  let behaviour: Behaviour = { type: "status", status: 500 };
  const requests: RecordedRequest[] = [];
  const hanging = new Set<() => void>();
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      requests.push({ path: req.url ?? "", headers: req.headers, body: raw ? JSON.parse(raw) : {} });
      if (behaviour.type === "hang") {
        hanging.add(() => res.destroy());
        return;
      }
      if (behaviour.type === "status") {
        res.writeHead(behaviour.status, { "content-type": "application/json" });
        res.end(behaviour.body ?? JSON.stringify({ error: { message: "internal error", type: "server_error" } }));
        return;
      }
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      res.write(chunk({ role: "assistant", content: "" }));
      // Several pieces, so the client sees partial objects stream in.
      const content = behaviour.content;
      const size = Math.max(1, Math.ceil(content.length / 5));
      for (let i = 0; i < content.length; i += size) res.write(chunk({ content: content.slice(i, i + size) }));
      const usage = behaviour.usage ?? { prompt_tokens: 120, completion_tokens: 80 };
      res.write(
        `data: ${JSON.stringify({ id: "chatcmpl-test", object: "chat.completion.chunk", created: 0, model: "test-model", choices: [{ index: 0, delta: {}, finish_reason: "stop" }], usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } })}\n\n`,
      );
      res.end("data: [DONE]\n\n");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    answerWith: (b) => {
      behaviour = b;
    },
    close: () => {
      for (const end of hanging) end();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
