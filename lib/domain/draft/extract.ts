import type { EventKind, Milestone } from "@/lib/generated/prisma/enums";
import { parseIsoDay, toIsoDay } from "../dates";
import { sortTimeline } from "../timeline-paste";
import type { Material } from "./material";
import { CHATTER, KIND_RULES, MILESTONE_RULES, MONITORING_TOOLS, NOT_ACTORS, firstMatch } from "./rules";
import { findAiCauses, findAiContext, findImpactHints, writeSummary } from "./findings";
import { readEmbeddedTime, readLineTime, type LineTime } from "./times";
import { DRAFT_LIMITS, type DraftContent, type DraftSource, type DraftTimelineRow } from "./types";
import { zoneOffsetMinutes } from "./zones";

// The built-in, deterministic engine: no network, same answer for the same material every time.
//
// Decisions:
// - Bare times are read on the incident's day in the material's zone ("All times PST", "Timezone:
//   Europe/London"), else UTC; a dated line moves the day; a bare time more than 12 h earlier than the
//   previous one is read as the next day.
// - "+5m" counts from the latest absolute time (the anchor), not from the previous relative line.
// - A line that is only a timestamp either dates the untimed lines of its paragraph just above it
//   (status pages print the time under each update) or, when nothing is waiting, the lines below it.
//   "Name  4:17 PM" on its own line (a chat copied from Slack) gives actor and time to the lines below.
// - "errors started at 15:58" adds a first-occurrence row at 15:58, cited to the same line.
// - Each milestone goes to the earliest row that matches it; chat pleasantries are dropped.

export type ExtractOptions = { baseDate: Date | string };

type Row = { at: number | null; actor: string; event: string; source: DraftSource; block: number; milestoneHint?: Milestone | null };

const MS_DAY = 86_400_000;
const ROLLOVER_MS = 12 * 3_600_000;
const ZONE_DECLARATION =
  /\b(?:all times|times are|times in|time ?zone|tz)\b\s*(?:are\s+|is\s+|in\s+|:|=)*\s*\(?([A-Za-z]+\/[A-Za-z_]+(?:\/[A-Za-z_]+)?|[A-Z]{1,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2})\)?/i;
const HEADER = /^(@?\p{L}[\p{L}.'-]*(?:\s+\p{L}[\p{L}.'-]*){0,3})\s+\[?([^\]]+?)\]?\s*$/u;
const ACTOR = /^@?(\p{L}[\p{L}\p{N}._'-]*(?:\s+\p{L}[\p{L}\p{N}._'-]*){0,3})\s*:\s+(.+)$/u;
const IRC = /^<([^>]{1,40})>\s*(.+)$/;
const NEGATED = /\b(?:not|n't|yet to|once|if|until|before|no)\b[^.;!?]{0,25}$/i;

function declaredZone(lines: readonly string[]): string | null {
  for (const line of lines.slice(0, 50)) {
    const m = ZONE_DECLARATION.exec(line);
    if (m && zoneOffsetMinutes(m[1], Date.UTC(2024, 0, 1)) !== null) return m[1];
  }
  return null;
}

function splitActor(text: string): { actor: string; event: string } {
  const irc = IRC.exec(text);
  if (irc) return { actor: irc[1].trim(), event: irc[2].trim() };
  const named = ACTOR.exec(text);
  if (named && looksLikeActor(named[1].trim())) return { actor: named[1].trim(), event: named[2].trim() };
  return { actor: "", event: text.trim() };
}

/**
 * "Priya Shah:" or "alex:" names a person or tool; "Prompt change shipped:" or "Found it:" does not. Several
 * words must all be capitalised, and no word may be one a rule reacts to.
 */
function looksLikeActor(name: string): boolean {
  if (NOT_ACTORS.test(name)) return false;
  const words = name.replace(/^@/, "").split(/\s+/);
  if (words.length > 1 && !words.every((w) => /^\p{Lu}/u.test(w))) return false;
  return (!firstMatch(MILESTONE_RULES, name) && !firstMatch(KIND_RULES, name)) || MONITORING_TOOLS.test(name);
}

/** The first milestone rule that matches other than in a negated phrase ("not resolved yet"). */
function milestoneOf(event: string, exclude?: Milestone): Milestone | null {
  for (const [milestone, pattern] of MILESTONE_RULES) {
    if (milestone === exclude) continue;
    const m = pattern.exec(event);
    if (m && !NEGATED.test(event.slice(0, m.index))) return milestone;
  }
  return null;
}

export function extractDraft(material: Material, options: ExtractOptions): DraftContent {
  const base = typeof options.baseDate === "string" ? parseIsoDay(options.baseDate.slice(0, 10)) : options.baseDate;
  if (!base || Number.isNaN(base.getTime())) throw new RangeError(`Not a date: ${String(options.baseDate)}`);
  const zone = declaredZone(material.lines) ?? "UTC";
  const year = base.getUTCFullYear();
  let day = toIsoDay(base);
  let anchor: number | null = null;
  let previous: number | null = null;
  let block = 0;
  let header: { at: number; actor: string } | null = null;
  const rows: Row[] = [];

  const toUtc = (t: LineTime): number => {
    if (t.type === "epoch") return t.ms;
    if (t.type === "relative") return (anchor ?? (parseIsoDay(day) as Date).getTime()) + t.offsetMs;
    if (t.day) day = t.day;
    const local = (parseIsoDay(day) as Date).getTime() + t.msOfDay;
    let at = local - (zoneOffsetMinutes(t.zone ?? zone, local) ?? 0) * 60_000;
    if (!t.day && previous !== null && previous - at > ROLLOVER_MS) {
      at += MS_DAY;
      day = toIsoDay(new Date((parseIsoDay(day) as Date).getTime() + MS_DAY));
    }
    return at;
  };
  const settle = (t: LineTime, at: number) => {
    previous = at;
    if (t.type !== "relative") anchor = at;
    if (t.type === "epoch") day = toIsoDay(new Date(at));
  };

  material.lines.forEach((raw, index) => {
    const line = raw.trim();
    const source = { line: index + 1, text: line.slice(0, 2_000) };
    if (!line) {
      block++;
      header = null;
      return;
    }
    const headerMatch = HEADER.exec(line);
    const headerTime = headerMatch ? readLineTime(headerMatch[2], year) : null;
    if (headerMatch && headerTime && headerTime.rest.trim() === "" && !NOT_ACTORS.test(headerMatch[1])) {
      const at = toUtc(headerTime);
      settle(headerTime, at);
      header = { at, actor: headerMatch[1].replace(/^@/, "") };
      return;
    }
    const t = readLineTime(line, year);
    if (t && t.rest.trim() === "") {
      const at = toUtc(t);
      settle(t, at);
      const waiting = rows.filter((r) => r.block === block && r.at === null);
      if (waiting.length > 0) {
        waiting[0].at = at;
        waiting[0].event = waiting
          .map((r) => r.event)
          .join(" ")
          .slice(0, DRAFT_LIMITS.event);
        for (const merged of waiting.slice(1)) rows.splice(rows.indexOf(merged), 1);
      } else header = { at, actor: "" };
      return;
    }
    if (t) {
      const at = toUtc(t);
      settle(t, at);
      const { actor, event } = splitActor(t.rest);
      rows.push({ at, actor, event, source, block });
      return;
    }
    if (ZONE_DECLARATION.test(line) || /^#+\s|:$/.test(line)) return;
    const { actor, event } = splitActor(line);
    if (header) rows.push({ at: header.at, actor: actor || header.actor, event, source, block });
    else rows.push({ at: null, actor, event, source, block });
  });

  const proposals: (DraftTimelineRow & { orderKey: number; at: number | null; candidate: Milestone | null })[] = [];
  for (const row of rows) {
    const event = row.event.replace(/\s+/g, " ").trim().slice(0, DRAFT_LIMITS.event);
    if (!/\p{L}/u.test(event)) continue;
    let candidate = milestoneOf(event);
    const kind: EventKind = firstMatch(KIND_RULES, event) ?? "NOTE";
    if (!candidate && (kind === "ALERT" || kind === "USER_REPORT" || kind === "DRIFT_ALERT")) candidate = "DETECTED";
    if (!candidate && kind === "NOTE" && (CHATTER.test(event) || event.split(/\s+/).length < 2)) continue;
    const began = MILESTONE_RULES.find(([m]) => m === "FIRST_OCCURRENCE")?.[1].test(event);
    const embedded = began && row.at !== null ? readEmbeddedTime(event) : null;
    if (embedded && row.at !== null) {
      const dayStart = Math.floor(row.at / MS_DAY) * MS_DAY;
      const local = dayStart + embedded.msOfDay;
      let began = local - (zoneOffsetMinutes(embedded.zone ?? zone, local) ?? 0) * 60_000;
      while (began > row.at) began -= MS_DAY;
      while (row.at - began > MS_DAY) began += MS_DAY;
      if (began !== row.at) {
        proposals.push({ ...common(row, event, "NOTE", began, proposals.length), candidate: "FIRST_OCCURRENCE" });
        if (candidate === "FIRST_OCCURRENCE") candidate = milestoneOf(event, "FIRST_OCCURRENCE");
      }
    }
    const actor = row.actor || (MONITORING_TOOLS.exec(event)?.[1] ?? (kind === "ALERT" ? "Monitoring" : ""));
    proposals.push({ ...common({ ...row, actor }, event, kind, row.at, proposals.length), candidate });
  }

  const sorted = sortTimeline(proposals.map((p) => ({ ...p, occurredAt: p.at === null ? null : new Date(p.at) })));
  inferFirstOccurrence(sorted);
  const used = new Set<Milestone>();
  const timeline: DraftTimelineRow[] = sorted.map((p) => {
    const milestone = p.candidate && !used.has(p.candidate) ? p.candidate : null;
    if (milestone) used.add(milestone);
    return { occurredAt: p.occurredAt?.toISOString() ?? null, event: p.event, actor: p.actor, milestone, kind: p.kind, source: p.source };
  });

  const sources = material.lines.map((text, i) => ({ line: i + 1, text: text.trim().slice(0, 2_000) }));
  return {
    timeline,
    summary: writeSummary(timeline),
    impact: findImpactHints(sources),
    aiCauses: findAiCauses(sources),
    aiContext: findAiContext(sources),
  };
}

const PROBLEM =
  /\b(?:errors?|fail\w*|wrong|incorrect|empty|timeouts?|timing out|cut\w* (?:\w+ )?off|hallucinat\w*|429s?|5xx|50\d|slow|latency|down|outage|broken|garbage|refus\w*)\b/i;

/**
 * Material often opens with the first sign of trouble without calling it that ("Rate limit errors from the
 * provider"). With no explicit first occurrence, the earliest timed row before the detection that describes
 * a problem counts as one.
 */
function inferFirstOccurrence(rows: { occurredAt: Date | null; candidate: Milestone | null; event: string }[]) {
  if (rows.some((r) => r.candidate === "FIRST_OCCURRENCE")) return;
  const detected = rows.find((r) => r.candidate === "DETECTED" && r.occurredAt);
  const first = rows.find(
    (r) => r.occurredAt && (!detected || (r.occurredAt as Date) <= (detected.occurredAt as Date)) && !r.candidate && PROBLEM.test(r.event),
  );
  if (first) first.candidate = "FIRST_OCCURRENCE";
}

function common(row: Row, event: string, kind: EventKind, at: number | null, orderKey: number) {
  return { occurredAt: null, at, event, actor: row.actor.slice(0, 200), milestone: null, kind, source: row.source, orderKey };
}
