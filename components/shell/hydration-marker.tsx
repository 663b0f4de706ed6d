"use client";

import { useEffect } from "react";

/**
 * Marks the page as interactive once React has hydrated it. End-to-end tests wait for this before
 * typing, so a keystroke never lands in a field that hydration is about to reset.
 */
export function HydrationMarker() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return null;
}
