import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { draftPostmortem, RESTRICTED_NOTICE } from "@/lib/assistant/draft-service";
import type { EndpointConfig } from "@/lib/assistant/endpoint-config";
import { updateAssistantSettings } from "@/lib/data/assistant";
import { AppError } from "@/lib/errors";
import { createTestPostmortem, createTestUser } from "@/test/factories";
import { startFakeEndpoint, type FakeEndpoint } from "@/test/openai-compatible-server";
import type { SessionUser } from "@/lib/data/auth";

const MATERIAL = `All times UTC
09:00 Vendor rolled the gpt-4o model alias to a new snapshot
09:20 Datadog alert fired: bad-answer rate 8%
09:40 Sam: pinned the model, errors going down`;

const GOOD = {
  timeline: [
    {
      occurredAt: "2026-11-20T09:20:00Z",
      event: "Alert fired: bad-answer rate 8%",
      actor: "Datadog",
      milestone: "DETECTED",
      kind: "ALERT",
      source: { line: 3, text: "paraphrased" },
    },
    {
      occurredAt: "2026-11-20T09:40:00Z",
      event: "Pinned the model",
      actor: "Sam",
      milestone: "MITIGATED",
      kind: "MITIGATION",
      source: { line: 4, text: "09:40 Sam: pinned the model, errors going down" },
    },
    {
      occurredAt: "2026-11-20T10:00:00Z",
      event: "Invented",
      actor: "",
      milestone: null,
      kind: "NOTE",
      source: { line: 99, text: "no such line" },
    },
  ],
  summary: { text: "A vendor model alias moved. Answers degraded until the model was pinned.", sources: [{ line: 2, text: "x" }] },
  impact: [],
  aiCauses: [{ kind: "MODEL_UPDATE", evidence: '"Vendor rolled the gpt-4o model alias"', source: { line: 2, text: "x" } }],
  aiContext: [{ field: "aiModel", value: "gpt-4o", source: { line: 2, text: "x" } }],
};

let endpoint: FakeEndpoint;
let config: EndpointConfig;
let facilitator: SessionUser;
let admin: SessionUser;

const counts = async (postmortemId: string) => ({
  rows: await getDb().timelineEntry.count({ where: { postmortemId } }),
  events: await getDb().docEvent.count({ where: { postmortemId } }),
});
const audits = (postmortemId: string) =>
  getDb().auditEvent.findMany({ where: { kind: "assistant.request", detail: { path: ["postmortemId"], equals: postmortemId } } });

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

beforeAll(async () => {
  endpoint = await startFakeEndpoint();
  config = { baseUrl: endpoint.baseUrl, apiKey: "test-key", model: "test-model", timeoutMs: 1_500 };
  facilitator = await createTestUser("MEMBER");
  admin = await createTestUser("ADMIN");
});
afterAll(async () => {
  await updateAssistantSettings(admin, { enabled: true, allowRestrictedExternal: false });
  await endpoint.close();
});
beforeEach(async () => {
  endpoint.requests.length = 0;
  await updateAssistantSettings(admin, { enabled: true, allowRestrictedExternal: false });
});

describe("drafting through an OpenAI-compatible endpoint", () => {
  it("sends the model, the messages and the draft schema, streams the answer and grounds every proposal in a real line", async () => {
    const { id } = await createTestPostmortem(facilitator);
    const before = await counts(id);
    endpoint.answerWith({ type: "content", content: JSON.stringify(GOOD), usage: { prompt_tokens: 321, completion_tokens: 123 } });
    const progress: string[] = [];
    const draft = await draftPostmortem(
      facilitator,
      { postmortemId: id, text: MATERIAL },
      { endpoint: config, onProgress: (p) => progress.push(p.message) },
    );

    expect(endpoint.requests).toHaveLength(1);
    const { body, headers, path } = endpoint.requests[0];
    expect(path).toBe("/v1/chat/completions");
    expect(headers.authorization).toBe("Bearer test-key");
    expect(body.model).toBe("test-model");
    expect(body.stream).toBe(true);
    const messages = body.messages as { role: string; content: string }[];
    expect(messages.map((m) => m.role)).toEqual(["system", "user"]);
    expect(messages[1].content).toContain("3: 09:20 Datadog alert fired: bad-answer rate 8%");
    const format = body.response_format as { type: string; json_schema: { schema: { properties: Record<string, unknown> } } };
    expect(format.type).toBe("json_schema");
    expect(Object.keys(format.json_schema.schema.properties)).toEqual(["timeline", "summary", "impact", "aiCauses", "aiContext"]);

    expect(draft.engine).toBe("endpoint");
    expect(draft.model).toBe("test-model");
    expect(draft.content.timeline.map((r) => r.source)).toEqual([
      { line: 3, text: "09:20 Datadog alert fired: bad-answer rate 8%" },
      { line: 4, text: "09:40 Sam: pinned the model, errors going down" },
    ]);
    expect(draft.notice).toMatch(/1 proposal\(s\) cited lines that are not in the material/);
    expect(progress.some((m) => /Drafting: \d+ timeline rows/.test(m))).toBe(true);

    expect(await counts(id)).toEqual(before);
    const [audit] = await audits(id);
    expect(audit.userId).toBe(facilitator.id);
    expect(audit.detail).toMatchObject({
      purpose: "draft",
      model: "test-model",
      outcome: "ok",
      usage: { inputTokens: 321, outputTokens: 123, totalTokens: 444 },
      sent: { prompt: expect.stringContaining("Vendor rolled the gpt-4o model alias") },
    });
  });

  it.each([
    ["a malformed answer", { type: "content", content: JSON.stringify({ timeline: "not a list" }) }, /not a valid draft/],
    ["an answer that is not JSON", { type: "content", content: "Sure! Here is your timeline:" }, /not a valid draft/],
    ["an HTTP 500", { type: "status", status: 500 }, /answered with an error \(HTTP 500\)/],
    ["a timeout", { type: "hang" }, /did not answer within 2 s/],
  ] as const)("answers %s with a clear message, audits it and writes nothing", async (_label, behaviour, message) => {
    const { id } = await createTestPostmortem(facilitator);
    const before = await counts(id);
    endpoint.answerWith(behaviour);
    const error = await failure(draftPostmortem(facilitator, { postmortemId: id, text: MATERIAL }, { endpoint: config }));
    expect(error.code).toBe("ASSISTANT_FAILED");
    expect(error.message).toMatch(message);
    expect(error.message).toContain("Nothing was saved");
    expect(await counts(id)).toEqual(before);
    const [audit] = await audits(id);
    expect(audit.detail).toMatchObject({ outcome: "error", error: error.message });
  });

  it("keeps a restricted postmortem's material on the server unless an admin allows it", async () => {
    const { id } = await createTestPostmortem(facilitator);
    await getDb().postmortem.update({ where: { id }, data: { restricted: true } });
    endpoint.answerWith({ type: "content", content: JSON.stringify(GOOD) });
    const local = await draftPostmortem(facilitator, { postmortemId: id, text: MATERIAL }, { endpoint: config });
    expect(local.engine).toBe("builtin");
    expect(local.notice).toBe(RESTRICTED_NOTICE);
    expect(endpoint.requests).toHaveLength(0);
    expect(await audits(id)).toHaveLength(0);

    await updateAssistantSettings(admin, { enabled: true, allowRestrictedExternal: true });
    const remote = await draftPostmortem(facilitator, { postmortemId: id, text: MATERIAL }, { endpoint: config });
    expect(remote.engine).toBe("endpoint");
    expect(endpoint.requests).toHaveLength(1);
  });

  it("uses the built-in extractor when no endpoint is configured or the person asks for it", async () => {
    const { id } = await createTestPostmortem(facilitator);
    const none = await draftPostmortem(facilitator, { postmortemId: id, text: MATERIAL }, { endpoint: null });
    const chosen = await draftPostmortem(facilitator, { postmortemId: id, text: MATERIAL, engine: "builtin" }, { endpoint: config });
    expect([none.engine, chosen.engine]).toEqual(["builtin", "builtin"]);
    expect(none.content.timeline.find((r) => r.milestone === "DETECTED")?.occurredAt).toBe("2026-11-20T09:20:00.000Z");
    expect(endpoint.requests).toHaveLength(0);
  });

  it("refuses when the assistant is turned off, and refuses people who may not edit", async () => {
    const { id } = await createTestPostmortem(facilitator);
    const viewer = await createTestUser("VIEWER");
    expect((await failure(draftPostmortem(viewer, { postmortemId: id, text: MATERIAL }, { endpoint: null }))).code).toBe("FORBIDDEN");
    await updateAssistantSettings(admin, { enabled: false, allowRestrictedExternal: false });
    expect((await failure(draftPostmortem(facilitator, { postmortemId: id, text: MATERIAL }, { endpoint: config }))).code).toBe(
      "ASSISTANT_OFF",
    );
    expect(endpoint.requests).toHaveLength(0);
    expect((await failure(updateAssistantSettings(facilitator, { enabled: true, allowRestrictedExternal: true }))).code).toBe("FORBIDDEN");
  });
});
