"use client";

import { useSyncExternalStore } from "react";
import { parseUtc } from "@/lib/validations/common";

const subscribe = () => () => {};

/** True only in the browser after hydration, so locale- and zone-dependent text never mismatches the server. */
export function useMounted(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

/** The viewer's own clock time for a UTC time cell, as a hint under it. */
export function LocalTime({ value, id }: { value: string; id?: string }) {
  const mounted = useMounted();
  const date = value ? parseUtc(value) : null;
  if (!mounted || !date) return null;
  const text = date.toLocaleString(undefined, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });
  return (
    <span id={id} className="block text-[11px] text-slate-500" data-testid="local-time">
      Your time: {text}
    </span>
  );
}
