import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adviseOnWhy } from "@/lib/assistant/coaching-service";
import { updateAssistantSettings } from "@/lib/data/assistant";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createTestPostmortem, createTestUser } from "@/test/factories";
import { startFakeEndpoint, type FakeEndpoint } from "@/test/openai-compatible-server";

let endpoint: FakeEndpoint;
beforeAll(async () => {
  endpoint = await startFakeEndpoint();
  await updateAssistantSettings(await createTestUser("ADMIN"), { enabled: true, allowRestrictedExternal: false });
});
afterAll(() => endpoint.close());

describe("coaching a why with either engine", () => {
  it("uses the built-in rules without an endpoint: warning, next question and a rewrite", async () => {
    const facilitator = await createTestUser("MEMBER");
    const { id } = await createTestPostmortem(facilitator);
    const advice = await adviseOnWhy(facilitator, { postmortemId: id, text: "The outage was caused by human error." }, { endpoint: null });
    expect(advice).toMatchObject({ engine: "builtin", endsInPerson: true, rewrite: "The outage was caused by a gap in the process." });
    expect(advice.message).toMatch(/human error/);
  });

  it("asks the endpoint with the model, the messages and the advice schema, audits it, and explains a failure", async () => {
    const facilitator = await createTestUser("MEMBER");
    const { id } = await createTestPostmortem(facilitator);
    const config = { baseUrl: endpoint.baseUrl, apiKey: "k", model: "coach-model", timeoutMs: 2_000 };
    endpoint.answerWith({
      type: "content",
      content: JSON.stringify({
        endsInPerson: true,
        message: "Stops at a person.",
        question: "Why was the step manual?",
        rewrite: "The step was manual.",
      }),
    });
    const advice = await adviseOnWhy(facilitator, { postmortemId: id, text: "Sam forgot the step." }, { endpoint: config });
    expect(advice).toEqual({
      engine: "endpoint",
      model: "coach-model",
      endsInPerson: true,
      message: "Stops at a person.",
      question: "Why was the step manual?",
      rewrite: "The step was manual.",
    });
    const body = endpoint.requests.at(-1)?.body as { model: string; messages: { content: string }[]; response_format: { type: string } };
    expect(body.model).toBe("coach-model");
    expect(body.messages[1].content).toBe("Why: Sam forgot the step.");
    expect(body.response_format.type).toBe("json_schema");

    endpoint.answerWith({ type: "status", status: 500 });
    const error = (await adviseOnWhy(facilitator, { postmortemId: id, text: "Sam forgot the step." }, { endpoint: config }).catch(
      (e: unknown) => e,
    )) as AppError;
    expect(error.code).toBe("ASSISTANT_FAILED");
    expect(error.message).toMatch(/HTTP 500.*built-in coaching above still applies/);
    const audits = await getDb().auditEvent.findMany({
      where: { kind: "assistant.request", detail: { path: ["postmortemId"], equals: id } },
    });
    expect(audits.map((a) => (a.detail as { outcome: string }).outcome).sort()).toEqual(["error", "ok"]);
  });
});
