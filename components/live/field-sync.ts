// The state of one editable field under the live protocol, without React: what the server holds as far
// as this tab knows (`stored`), what was last handed to the outbox (`queued`, the base of the next edit,
// since the server will hold it once the queue drains), what the person sees (`draft`), and a conflict.
// Both the single-field hook and the section forms drive their fields through this one class.

export type Conflict = { theirs: unknown; by: string | null };
export type Outgoing = { value: unknown; base: unknown };

/** Equal as an editor sees it: null, undefined and "" alike; numbers and their text alike. */
export function sameFieldValue(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v));
  return norm(a) === norm(b);
}

export class FieldSync {
  stored: unknown;
  queued: unknown | null = null;
  draft: unknown;
  conflict: Conflict | null = null;

  constructor(stored: unknown, pending?: { value: unknown; base: unknown } | null) {
    this.stored = pending ? pending.base : stored;
    this.draft = pending ? pending.value : stored;
    if (pending) this.queued = pending.value;
  }

  get unsaved(): boolean {
    return this.queued !== null || !sameFieldValue(this.draft, this.stored);
  }

  /** An edit of this field found in the outbox after a reload: shown, and the base of the next one. */
  resume(pending: { value: unknown; base: unknown }): boolean {
    if (this.unsaved) return false;
    this.stored = pending.base;
    this.draft = pending.value;
    this.queued = pending.value;
    return true;
  }

  /** The edit to send for the current draft, or null when there is nothing new (or a conflict is open). */
  commit(): Outgoing | null {
    const base = this.queued ?? this.stored;
    if (this.conflict || sameFieldValue(this.draft, base)) return null;
    this.queued = this.draft;
    return { value: this.draft, base };
  }

  /** The server applied `sent`; true when the person's text is now all saved. */
  ack(sent: unknown): boolean {
    this.stored = sent;
    if (this.queued !== null && sameFieldValue(this.queued, sent)) this.queued = null;
    return this.queued === null && sameFieldValue(this.draft, sent);
  }

  /** The server refused the edit (not a conflict): the draft stays, marked unsaved. */
  refused() {
    this.queued = null;
  }

  /** The server answered that someone else stored `theirs` meanwhile. */
  conflicted(theirs: unknown, by: string | null = null) {
    this.queued = null;
    this.stored = theirs;
    this.conflict = sameFieldValue(theirs, this.draft) ? null : { theirs, by };
  }

  /**
   * Someone else's change arrived: taken as is when nothing is unsaved here (answers "adopt"), a conflict
   * when the person has their own unsaved text in this field.
   */
  remote(theirs: unknown, by: string | null): "adopt" | "conflict" {
    const unsaved = this.unsaved;
    this.stored = theirs;
    if (!unsaved || sameFieldValue(this.draft, theirs)) {
      this.draft = theirs;
      this.queued = null;
      this.conflict = null;
      return "adopt";
    }
    this.conflict = { theirs, by };
    return "conflict";
  }

  /** A fresh server render: taken only when nothing is unsaved. */
  rendered(value: unknown): boolean {
    if (this.unsaved || sameFieldValue(this.stored, value)) return false;
    this.stored = value;
    this.draft = value;
    return true;
  }

  keepMine(): Outgoing {
    this.conflict = null;
    this.queued = this.draft;
    return { value: this.draft, base: this.stored };
  }

  useTheirs(): unknown {
    this.conflict = null;
    this.queued = null;
    this.draft = this.stored;
    return this.draft;
  }
}
