import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { addTestParticipant, createTestPostmortem, createTestUser } from "@/test/factories";
import { endMeeting, getMeeting, moveMeetingItem, startMeeting } from "@/lib/data/meeting";
import { addComment, listComments, setCommentResolved } from "@/lib/data/comments";
import { listFieldHistory } from "@/lib/data/field-history";
import { addCommentSchema } from "@/lib/validations/comments";
import { refusal } from "@/test/refusal";

const events = (postmortemId: string, entity: string) =>
  getDb().docEvent.findMany({ where: { postmortemId, entity }, orderBy: { seq: "asc" } });

describe("review meeting", () => {
  it("is started by the facilitator on the timeline, records the post-mortem date, moves through the agenda and records attendance", async () => {
    const priya = await createTestUser("MEMBER", "Priya");
    const sam = await createTestUser("MEMBER", "Sam");
    const pm = await createTestPostmortem(priya, { severity: "MEDIUM" });
    await addTestParticipant(pm.id, sam.id);

    expect((await refusal(startMeeting(sam, pm.id))).code).toBe("FORBIDDEN");
    const started = await startMeeting(priya, pm.id);
    expect(started.currentItem).toBe("timeline");
    const stored = await getDb().postmortem.findUniqueOrThrow({ where: { id: pm.id } });
    expect(stored.meetingDate?.toISOString()).toBe(started.startedAt);
    expect((await refusal(startMeeting(priya, pm.id))).message).toMatch(/already started/);

    const lessons = await moveMeetingItem(priya, { postmortemId: pm.id, item: "lessons" });
    expect(lessons.currentItem).toBe("lessons");
    const notOnAgenda = await refusal(moveMeetingItem(priya, { postmortemId: pm.id, item: "ai-causes" }));
    expect(notOnAgenda.code).toBe("VALIDATION");

    const ended = await endMeeting(priya, { postmortemId: pm.id, attendeeIds: [sam.id, priya.id, sam.id] });
    expect(ended.attendees.map((a) => a.userId).sort()).toEqual([priya.id, sam.id].sort());
    expect(ended.endedAt).not.toBeNull();
    expect((await refusal(moveMeetingItem(priya, { postmortemId: pm.id, item: "timeline" }))).message).toMatch(/ended/);
    expect(await getMeeting(sam, pm.id)).toEqual(ended);

    const log = await events(pm.id, "meeting");
    expect(log.map((e) => e.field)).toEqual([null, "currentItem", "endedAt"]);
  });

  it("has no meeting for a low-severity log entry", async () => {
    const priya = await createTestUser();
    const pm = await createTestPostmortem(priya, { severity: "LOW" });
    expect((await refusal(startMeeting(priya, pm.id))).message).toMatch(/no review meeting/);
  });
});

describe("comments", () => {
  it("threads on a row, replies join the thread's anchor, resolving and reopening are events, retries add nothing", async () => {
    const priya = await createTestUser();
    const sam = await createTestUser();
    const viewer = await createTestUser("VIEWER");
    const pm = await createTestPostmortem(priya);
    await addTestParticipant(pm.id, sam.id);
    const row = await getDb().timelineEntry.findFirstOrThrow({ where: { postmortemId: pm.id } });
    const input = addCommentSchema.parse({
      postmortemId: pm.id,
      anchor: `timeline:${row.id}`,
      body: "  Who saw the alert first? ",
      clientMutationId: randomUUID(),
    });

    const first = await addComment(sam, input);
    expect(first.body).toBe("Who saw the alert first?");
    expect((await addComment(sam, input)).id).toBe(first.id);
    const reply = await addComment(
      priya,
      addCommentSchema.parse({
        postmortemId: pm.id,
        anchor: "section:summary",
        parentId: first.id,
        body: "The on-call engineer.",
        clientMutationId: randomUUID(),
      }),
    );
    expect(reply.anchor).toBe(`timeline:${row.id}`);
    expect((await refusal(addComment(viewer, { ...input, clientMutationId: randomUUID() }))).code).toBe("FORBIDDEN");
    const missing = await refusal(addComment(sam, { ...input, anchor: "why:doesnotexist", clientMutationId: randomUUID() }));
    expect(missing.code).toBe("DELETED");

    expect((await setCommentResolved(priya, { postmortemId: pm.id, commentId: first.id, resolved: true })).resolvedAt).not.toBeNull();
    expect((await setCommentResolved(sam, { postmortemId: pm.id, commentId: first.id, resolved: false })).resolvedAt).toBeNull();
    expect((await refusal(setCommentResolved(sam, { postmortemId: pm.id, commentId: reply.id, resolved: true }))).code).toBe("DELETED");

    expect((await listComments(viewer, pm.id)).map((c) => c.id)).toEqual([first.id, reply.id]);
    expect((await events(pm.id, "comment")).map((e) => e.field)).toEqual([null, null, "resolvedAt", "resolvedAt"]);
    expect(addCommentSchema.safeParse({ ...input, anchor: "factor:abc" }).success).toBe(false);
  });
});

describe("field history", () => {
  it("lists the earlier values of one field with who set them, newest first", async () => {
    const priya = await createTestUser("MEMBER", "Priya Hist");
    const pm = await createTestPostmortem(priya);
    const db = getDb();
    await db.docEvent.createMany({
      data: [
        {
          postmortemId: pm.id,
          seq: 900,
          actorId: priya.id,
          entity: "postmortem",
          entityId: pm.id,
          field: "summary",
          before: "",
          after: "One",
        },
        {
          postmortemId: pm.id,
          seq: 901,
          actorId: priya.id,
          entity: "postmortem",
          entityId: pm.id,
          field: "rootCause",
          before: "",
          after: "X",
        },
        {
          postmortemId: pm.id,
          seq: 902,
          actorId: priya.id,
          entity: "postmortem",
          entityId: pm.id,
          field: "summary",
          before: "One",
          after: "Two",
        },
      ],
    });
    const changes = await listFieldHistory(priya, pm.id, { entity: "postmortem", entityId: pm.id, fields: ["summary"] });
    expect(changes.map((c) => [c.before, c.after, c.actorName])).toEqual([
      ["One", "Two", "Priya Hist"],
      ["", "One", "Priya Hist"],
    ]);
  });
});
