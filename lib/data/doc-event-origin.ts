import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

// Where the changes written inside a call came from. The write functions stay unaware of it: a caller
// that writes on someone's behalf (the assistant's accepted proposals) wraps the call, and
// appendDocEvents records the origin on every DocEvent the call appends.

export type DocEventOrigin = "assistant";

const storage = new AsyncLocalStorage<DocEventOrigin>();

export function withDocEventOrigin<T>(origin: DocEventOrigin, write: () => Promise<T>): Promise<T> {
  return storage.run(origin, write);
}

export function currentDocEventOrigin(): DocEventOrigin | null {
  return storage.getStore() ?? null;
}
