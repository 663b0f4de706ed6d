import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { getRelated } from "@/lib/data/related";
import { setPostmortemTags, listTags } from "@/lib/data/tags";
import { getComparable } from "@/lib/data/compare";
import { createTestPostmortem, createTestUser } from "@/test/factories";

describe("recurrence, similar and tags", () => {
  it("links a repeat to the earlier published postmortem both ways, with its completed actions, never a restricted one", async () => {
    const member = await createTestUser("MEMBER");
    const viewer = await createTestUser("VIEWER");
    const model = `model-${Math.random().toString(36).slice(2, 8)}`;
    const make = async (date: string, status: "PUBLISHED" | "DRAFT", restricted = false) => {
      const { id } = await createTestPostmortem(member, { incidentDate: new Date(date) });
      await getDb().postmortem.update({ where: { id }, data: { status, restricted, aiProvider: "OpenAI", aiModel: model } });
      await getDb().aiCause.create({ data: { postmortemId: id, kind: "CONTEXT_WINDOW" } });
      return id;
    };
    const first = await make("2026-01-10T00:00:00Z", "PUBLISHED");
    const secret = await make("2026-02-10T00:00:00Z", "PUBLISHED", true);
    const repeat = await make("2026-03-10T00:00:00Z", "DRAFT");
    await getDb().correctiveAction.create({
      data: {
        postmortemId: first,
        number: 1,
        horizon: "IMMEDIATE",
        action: "Trim retrieved context",
        status: "DONE",
        completedAt: new Date(),
      },
    });

    const seen = await getRelated(viewer, repeat);
    expect(seen.earlier.map((e) => e.id)).toEqual([first]);
    expect(seen.earlier[0].completedActions.map((a) => a.action)).toEqual(["Trim retrieved context"]);
    expect(seen.earlier[0].sharedCauses).toEqual(["CONTEXT_WINDOW"]);
    expect((await getRelated(viewer, first)).later.map((l) => l.id)).toEqual([repeat]);
    expect((await getRelated(member, repeat)).earlier.map((e) => e.id)).toEqual([secret, first]);
    await expect(getRelated(viewer, secret)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getComparable(viewer, secret)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getComparable(viewer, repeat)).aiCauses).toEqual([{ kind: "CONTEXT_WINDOW", evidence: "" }]);
  });

  it("saves tags with a DocEvent and suggests only tags of visible postmortems", async () => {
    const member = await createTestUser("MEMBER");
    const viewer = await createTestUser("VIEWER");
    const { id } = await createTestPostmortem(member);
    const tag = `t${Math.random().toString(36).slice(2, 8)}`;
    expect(await setPostmortemTags(member, { postmortemId: id, tags: [tag, "rag"] })).toEqual([tag, "rag"]);
    const event = await getDb().docEvent.findFirstOrThrow({ where: { postmortemId: id, field: "tags" } });
    expect(event.after).toEqual([tag, "rag"]);
    await expect(setPostmortemTags(viewer, { postmortemId: id, tags: [] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await listTags(viewer)).map((t) => t.tag)).toContain(tag);
    await getDb().postmortem.update({ where: { id }, data: { restricted: true } });
    expect((await listTags(viewer)).map((t) => t.tag)).not.toContain(tag);
  });
});
