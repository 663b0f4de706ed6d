"use client";

import { useEffect } from "react";

// The presenting view for a shared screen: the page in large type, showing only the section under
// discussion (it follows the meeting). Done on the existing document so it stays live and editable.
const LARGE_TYPE = "150%";

export function usePresentingView(item: string | null) {
  useEffect(() => {
    if (!item) return;
    const root = document.documentElement;
    const before = root.style.fontSize;
    root.style.fontSize = LARGE_TYPE;
    root.dataset.presenting = item;
    const hidden: HTMLElement[] = [];
    document.querySelectorAll<HTMLElement>("section[data-testid^='section-'], nav[aria-label='Sections']").forEach((el) => {
      if (el.id === item || el.hidden) return;
      el.hidden = true;
      hidden.push(el);
    });
    document.getElementById(item)?.scrollIntoView({ block: "start" });
    return () => {
      root.style.fontSize = before;
      delete root.dataset.presenting;
      hidden.forEach((el) => {
        el.hidden = false;
      });
    };
  }, [item]);
}
