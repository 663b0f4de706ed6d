import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { updateAssistantSettings } from "@/lib/data/assistant";
import { acceptDraftItem } from "@/lib/data/draft-accept";
import { listHistory } from "@/lib/data/lifecycle";
import { createTimelineEntry } from "@/lib/data/timeline";
import { AppError } from "@/lib/errors";
import { acceptDraftItemSchema, type DraftItem } from "@/lib/validations/draft";
import { createTestPostmortem, createTestUser } from "@/test/factories";

const source = { line: 3, text: "09:20 Datadog alert fired: bad-answer rate 8%" };
const accept = (actor: Parameters<typeof acceptDraftItem>[0], postmortemId: string, item: DraftItem) =>
  acceptDraftItem(actor, acceptDraftItemSchema.parse({ postmortemId, clientMutationId: randomUUID(), item }));

beforeAll(async () => {
  await updateAssistantSettings(await createTestUser("ADMIN"), { enabled: true, allowRestrictedExternal: false });
});

describe("accepting drafted proposals", () => {
  it("writes each accepted kind through the document's write functions, marked as drafted by the assistant", async () => {
    const facilitator = await createTestUser("MEMBER", "Priya Accepts");
    const { id } = await createTestPostmortem(facilitator);
    const seqBefore = (await getDb().postmortem.findUniqueOrThrow({ where: { id } })).seq;

    await accept(facilitator, id, {
      type: "timeline",
      row: {
        occurredAt: "2026-11-20T09:20:00.000Z",
        event: "Alert fired: bad-answer rate 8%",
        actor: "Datadog",
        milestone: "DETECTED",
        kind: "ALERT",
        source,
      },
    });
    await accept(facilitator, id, { type: "summary", text: "A vendor model alias moved. Answers degraded for 40 minutes." });
    await accept(facilitator, id, {
      type: "aiCause",
      cause: { kind: "MODEL_UPDATE", evidence: "“Vendor rolled the model alias”", source },
    });
    await accept(facilitator, id, { type: "aiContext", context: { field: "evalScoreBefore", value: "0.92", source } });
    await accept(facilitator, id, { type: "impact", hint: { field: "usersAffected", value: "2300", detail: "", source } });
    await accept(facilitator, id, {
      type: "impact",
      hint: { field: "customerLevel", value: "HIGH", detail: "2,300 customers saw wrong answers", source },
    });

    const pm = await getDb().postmortem.findUniqueOrThrow({
      where: { id },
      include: { impact: true, aiCauses: true, timeline: { where: { event: "Alert fired: bad-answer rate 8%" } } },
    });
    expect(pm.summary).toBe("A vendor model alias moved. Answers degraded for 40 minutes.");
    expect(pm.usersAffected).toBe(2300);
    expect(String(pm.evalScoreBefore)).toBe("0.92");
    expect(pm.impact).toMatchObject({ customerLevel: "HIGH", customerDetail: "2,300 customers saw wrong answers" });
    expect(pm.aiCauses.map((c) => c.kind)).toEqual(["MODEL_UPDATE"]);
    expect(pm.timeline[0]).toMatchObject({ milestone: "DETECTED", kind: "ALERT", actor: "Datadog" });

    const events = await getDb().docEvent.findMany({ where: { postmortemId: id, seq: { gt: seqBefore } } });
    expect(events.length).toBeGreaterThanOrEqual(6);
    expect(events.every((e) => e.origin === "assistant" && e.actorId === facilitator.id)).toBe(true);
    const history = await listHistory(facilitator, id);
    expect(history.items[0]).toMatchObject({ origin: "assistant", actorName: "Priya Accepts" });
  });

  it("leaves the person's own edits unmarked and refuses bad values and people who may not edit", async () => {
    const facilitator = await createTestUser("MEMBER");
    const { id } = await createTestPostmortem(facilitator);
    await createTimelineEntry(facilitator, { postmortemId: id, clientMutationId: randomUUID(), event: "typed by hand" });
    const own = await getDb().docEvent.findFirst({ where: { postmortemId: id }, orderBy: { seq: "desc" } });
    expect(own?.origin).toBeNull();

    const bad = await accept(facilitator, id, {
      type: "impact",
      hint: { field: "usersAffected", value: "lots", detail: "", source },
    }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(AppError);
    const viewer = await createTestUser("VIEWER");
    const refused = await accept(viewer, id, { type: "summary", text: "Nope." }).catch((e: unknown) => e);
    expect((refused as AppError).code).toBe("FORBIDDEN");
    const admin = await createTestUser("ADMIN");
    await updateAssistantSettings(admin, { enabled: false, allowRestrictedExternal: false });
    const off = await accept(facilitator, id, { type: "summary", text: "Not while it is off." }).catch((e: unknown) => e);
    await updateAssistantSettings(admin, { enabled: true, allowRestrictedExternal: false });
    expect((off as AppError).code).toBe("ASSISTANT_OFF");
  });
});
