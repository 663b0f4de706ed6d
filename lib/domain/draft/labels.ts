import type { AiContextField, ImpactHintField } from "./types";

export const IMPACT_HINT_LABELS: Record<ImpactHintField, string> = {
  usersAffected: "Users affected",
  requestsAffected: "Requests affected",
  slaBreached: "SLA breached",
  customerLevel: "Customer impact",
  reputationalLevel: "Reputational impact",
  dataSecurityLevel: "Data/security impact",
  complianceLevel: "Compliance impact",
  revenueDetail: "Revenue impact detail",
};

export const AI_CONTEXT_LABELS: Record<AiContextField, string> = {
  aiProvider: "Provider",
  aiModel: "Model and version",
  aiPromptVersion: "Prompt/template version or hash",
  aiGuardrails: "Guardrails",
  evalScoreBefore: "Evaluation score before",
  evalScoreAfter: "Evaluation score after",
};

export const ENGINE_LABELS = { builtin: "Built-in extractor (nothing left this server)", endpoint: "AI endpoint" } as const;
