import { describe, expect, it } from "vitest";
import { FieldSync } from "@/components/live/field-sync";
import { enqueue, pendingValue, type QueuedEdit } from "@/components/live/outbox";

describe("a live field", () => {
  it("sends only a change, chains the base of a second edit on the first, and is saved when both land", () => {
    const f = new FieldSync("a");
    expect(f.commit()).toBeNull();
    f.draft = "ab";
    expect(f.commit()).toEqual({ value: "ab", base: "a" });
    f.draft = "abc";
    expect(f.commit()).toEqual({ value: "abc", base: "ab" });
    expect(f.ack("ab")).toBe(false);
    expect(f.ack("abc")).toBe(true);
    expect(f.unsaved).toBe(false);
  });

  it("takes someone else's change when nothing is unsaved, and makes it a conflict while typing", () => {
    const f = new FieldSync("old");
    expect(f.remote("theirs", "Sam")).toBe("adopt");
    expect(f.draft).toBe("theirs");
    f.draft = "mine";
    expect(f.remote("theirs again", "Sam")).toBe("conflict");
    expect(f.conflict).toEqual({ theirs: "theirs again", by: "Sam" });
    expect(f.commit()).toBeNull();
    expect(f.keepMine()).toEqual({ value: "mine", base: "theirs again" });
    expect(f.conflict).toBeNull();
  });

  it("shows the server's conflict answer and lets the person take their value", () => {
    const f = new FieldSync("");
    f.draft = "mine";
    f.commit();
    f.conflicted("theirs");
    expect(f.conflict?.theirs).toBe("theirs");
    expect(f.useTheirs()).toBe("theirs");
    expect(f.unsaved).toBe(false);
  });

  it("starts from an edit queued before a reload and ignores a render while it is unsent", () => {
    const f = new FieldSync("stored", { value: "queued", base: "stored" });
    expect(f.draft).toBe("queued");
    expect(f.rendered("newer")).toBe(false);
    expect(f.ack("queued")).toBe(true);
    expect(f.rendered("newer")).toBe(true);
  });
});

it("shows an edit restored from the outbox after a reload unless the person already typed", () => {
  const f = new FieldSync("stored");
  expect(f.resume({ value: "offline edit", base: "stored" })).toBe(true);
  expect(f.draft).toBe("offline edit");
  const typing = new FieldSync("stored");
  typing.draft = "new text";
  expect(typing.resume({ value: "offline edit", base: "stored" })).toBe(false);
});

describe("the outbox", () => {
  const edit = (value: string, id: string, field = "event"): QueuedEdit => ({
    postmortemId: "p",
    entity: "timeline",
    entityId: "r1",
    changes: { [field]: value },
    base: { [field]: "" },
    clientMutationId: id,
  });

  it("keeps edits in order and folds a newer unsent edit of the same field into the waiting one", () => {
    let q = enqueue([], edit("a", "1"), null);
    q = enqueue(q, edit("x", "2", "notes"), null);
    q = enqueue(q, edit("ab", "3"), null);
    expect(q.map((e) => e.clientMutationId)).toEqual(["1", "2"]);
    expect(q[0].changes).toEqual({ event: "ab" });
    expect(pendingValue(q, "timeline", "r1", "event")).toEqual({ value: "ab", base: "" });
  });

  it("keeps a new row's create first: the row's edits typed before it is sent queue behind it", () => {
    const create: QueuedEdit = { ...edit("", "0"), changes: {}, base: {}, create: { afterId: null } };
    let q = enqueue([], create, null);
    q = enqueue(q, edit("Alert fired", "1"), null);
    q = enqueue(q, edit("Alert fired in EU", "2"), null);
    expect(q.map((e) => e.clientMutationId)).toEqual(["0", "1"]);
    expect(q[0]).toEqual(create);
    expect(pendingValue(q, "timeline", "r1", "event")).toEqual({ value: "Alert fired in EU", base: "" });
  });

  it("never changes the edit being sent", () => {
    const q = enqueue([edit("a", "1")], edit("ab", "2"), "1");
    expect(q.map((e) => e.changes.event)).toEqual(["a", "ab"]);
  });
});
