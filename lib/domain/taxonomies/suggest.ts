import type { AiCauseKind } from "@/lib/generated/prisma/enums";
import { TAXONOMIES, type Taxonomies } from "./schema";

// What the taxonomies say about the checked AI causes and the AI system's context.

export type AtlasSuggestion = { id: string; name: string; tactics: { id: string; name: string }[]; because: string[] };
export type TaxonomySuggestions = {
  atlas: AtlasSuggestion[];
  gmf: { knownTechnicalFailures: string[]; potentialTechnicalFailures: string[]; technologies: string[] };
  oecdPrinciples: string[];
};

export type AiContextPresence = Partial<Record<"aiProvider" | "aiModel" | "aiPromptVersion" | "aiGuardrails" | "aiDataSnapshot", string>>;

const unique = (values: readonly string[]) => [...new Set(values)];

export function suggestTaxonomies(
  kinds: readonly AiCauseKind[],
  context: AiContextPresence = {},
  t: Taxonomies = TAXONOMIES,
): TaxonomySuggestions {
  const tactics = new Map(t.atlas.tactics.map((x) => [x.id, x]));
  const techniques = new Map(t.atlas.techniques.map((x) => [x.id, x]));
  const reasons = new Map<string, string[]>();
  const add = (id: string, why: string) => reasons.set(id, unique([...(reasons.get(id) ?? []), why]));
  for (const kind of kinds) for (const id of t.atlas.causes[kind]) add(id, kind);
  for (const rule of t.atlas.context) {
    if (context[rule.field]?.trim() && rule.whenCauses.some((k) => kinds.includes(k)))
      for (const id of rule.techniques) add(id, rule.field);
  }
  const atlas = [...reasons.entries()].map(([id, because]) => {
    const technique = techniques.get(id) as Taxonomies["atlas"]["techniques"][number];
    return { id, name: technique.name, tactics: technique.tactics.map((tid) => tactics.get(tid) as { id: string; name: string }), because };
  });
  return {
    atlas,
    gmf: {
      knownTechnicalFailures: unique(kinds.flatMap((k) => t.aiid.causes[k].known)),
      potentialTechnicalFailures: unique(kinds.flatMap((k) => t.aiid.causes[k].potential)),
      technologies: unique(t.aiid.technologies.filter((x) => context[x.when]?.trim()).map((x) => x.value)),
    },
    oecdPrinciples: unique(kinds.flatMap((k) => t.oecd.causes[k])),
  };
}
