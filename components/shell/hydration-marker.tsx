"use client";

import { useEffect } from "react";

/**
 * Marks the app shell as hydrated. End-to-end tests wait for it after a full page load before they
 * interact; forms also render their stored values in the server HTML, so early typing is kept anyway.
 */
export function HydrationMarker() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return null;
}
