// `npm run db:seed:large -- --postmortems 50000`: loads a large, realistic organisation into DATABASE_URL
// (PostgreSQL) for browsing and benchmarks: three years, twenty teams, ~10 timeline rows, 5 whys, 3 factors,
// 1–2 AI causes and 4 corrective actions per postmortem, ~3% restricted. Everything is generated inside
// PostgreSQL with INSERT … SELECT over generate_series (seconds per table, not one round trip per row);
// the search-index and metric-column triggers are switched off during the load and the search vectors,
// milestone times and unfinished-action figures are computed once at the end.
// Rows use ids starting with "lg", so a rerun replaces the previous large seed and leaves other data alone.
import bcrypt from "bcryptjs";
import pg from "pg";
import { describeConnectionError, runMigrations } from "../lib/db/migrate";

const TEAMS = [
  "Support Assistant",
  "Search Ranking",
  "Fraud Models",
  "Checkout",
  "Recommendations",
  "Voice Agent",
  "Document AI",
  "Translation",
  "Code Assistant",
  "Ads Relevance",
  "Trust & Safety",
  "Onboarding Bot",
  "Claims Triage",
  "Pricing",
  "Data Platform",
  "ML Infrastructure",
  "Identity",
  "Knowledge Base",
  "Sales Copilot",
  "Analytics",
];
const TRIGGERS: [string, string[]][] = [
  ["Postmortem", ["postmortem_search_own"]],
  ["TimelineEntry", ["timeline_search_insert", "timeline_milestones_insert"]],
  ["WhyStep", ["why_search_insert"]],
  ["ContributingFactor", ["factor_search_insert", "factor_categories_insert"]],
  ["AiCause", ["aicause_search_insert", "ai_cause_kinds_insert"]],
  ["CorrectiveAction", ["action_open_insert"]],
];

function argValue(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const n = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000) throw new Error(`--${name} must be a whole number from 1 to 1,000,000`);
  return n;
}

// Plain SQL arrays of realistic phrases; pick(arr, seed) chooses one per row.
const sqlArray = (values: string[]) => `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(",")}]`;
const SYMPTOMS = sqlArray([
  "hallucinated refund promises",
  "refused valid order-status questions",
  "leaked internal prompt text",
  "returned stale policy documents",
  "timed out under rate limits",
  "mistranslated safety instructions",
  "ranked spam above answers",
  "cited non-existent sources",
  "truncated long contracts",
  "flagged legitimate payments",
  "answered in the wrong language",
  "exposed another customer's order",
  "repeated outdated pricing",
  "looped on tool calls",
  "dropped guardrail checks",
]);
const TRIGGERS_TEXT = sqlArray([
  "a prompt template change",
  "a vendor model update",
  "a stale retrieval index",
  "an embedding drift",
  "a context window overflow",
  "a provider rate limit",
  "an adversarial jailbreak campaign",
  "a schema change in the feature store",
  "a GPU node pool failure",
  "a misconfigured feature flag",
  "a tokenizer upgrade",
  "a data pipeline backfill",
]);
const FIXES = sqlArray([
  "rolled back the prompt version",
  "pinned the model snapshot",
  "rebuilt the retrieval index",
  "raised the rate limit quota",
  "added an output filter",
  "failed over to the secondary region",
  "disabled the feature flag",
  "truncated context by relevance",
]);
const PROVIDERS = sqlArray(["OpenAI", "Anthropic", "Google", "Mistral", "In-house"]);
const MODELS = sqlArray(["gpt-4o-2024-08-06", "claude-3-5-sonnet", "gemini-1.5-pro", "mistral-large-2407", "ranker-v7", "gpt-4o-mini"]);
const ACTIONS = sqlArray([
  "Add an eval gate before prompt deploys",
  "Alert on refusal-rate spikes",
  "Pin vendor model versions",
  "Add canary traffic for model updates",
  "Rebuild the index nightly with freshness checks",
  "Add a guardrail regression suite",
  "Document the rollback runbook",
  "Add per-tenant rate-limit headroom",
  "Review on-call escalation for AI incidents",
  "Cap retrieved context by token budget",
  "Add drift dashboards to the weekly review",
  "Red-team the jailbreak patterns",
]);
const TAGS = sqlArray(["vendor-outage", "rag", "prompt-ops", "eu-region", "billing", "customer-facing", "near-miss", "guardrails"]);
const pick = (arr: string, seed: string) => `(${arr})[1 + floor(abs(hashtext(${seed})) % array_length(${arr}, 1))::int]`;

async function load(client: pg.Client, n: number) {
  const hash = await bcrypt.hash("postmortem-demo", 10);
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const t = Date.now();
    const r = await client.query(sql, params);
    console.log(`  ${label}: ${r.rowCount ?? 0} rows in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  };
  await client.query("BEGIN");
  await client.query("SET LOCAL synchronous_commit = off");
  for (const [table, names] of TRIGGERS) for (const t of names) await client.query(`ALTER TABLE "${table}" DISABLE TRIGGER ${t}`);
  await step("previous large seed removed", `DELETE FROM "Postmortem" WHERE "id" LIKE 'lgp%'`);
  await step(
    "teams",
    `INSERT INTO "Team" ("id", "name") SELECT 'lgt' || i, t FROM unnest($1::text[]) WITH ORDINALITY AS x(t, i) ON CONFLICT ("name") DO NOTHING`,
    [TEAMS],
  );
  await step(
    "people",
    `INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "updatedAt")
    SELECT 'lgu' || i, 'owner' || i || '@large.example', 'Owner ' || i, $1, CASE WHEN i <= 3 THEN 'VIEWER' ELSE 'MEMBER' END::"OrgRole", now()
    FROM generate_series(1, 60) i ON CONFLICT ("email") DO NOTHING`,
    [hash],
  );
  await step(
    "postmortems",
    `INSERT INTO "Postmortem" ("id", "incidentKey", "incidentName", "incidentDate", "meetingDate", "severity", "status",
      "teamId", "facilitatorId", "createdById", "restricted", "summary", "problemStatement", "rootCause", "rootCauseCategory", "lessonsWentWell",
      "lessonsCouldImprove", "lessonsDoDifferently", "aiProvider", "aiModel", "aiPromptVersion", "publishedAt", "createdAt", "updatedAt", "seq")
    SELECT 'lgp' || n, 'LRG-' || lpad(n::text, 7, '0'), initcap(split_part(${pick(SYMPTOMS, "n::text")}, ' ', 1)) || ' ' ||
        substr(${pick(SYMPTOMS, "n::text")}, length(split_part(${pick(SYMPTOMS, "n::text")}, ' ', 1)) + 2) || ' after ' || ${pick(TRIGGERS_TEXT, "(n*7)::text")},
      d, CASE WHEN sev <> 'LOW' AND (age > 20 OR n % 3 = 0) THEN d + make_interval(hours => 10 + (n % 80)) END,
      sev::"Severity", CASE WHEN age > 30 AND n % 10 <> 0 THEN 'PUBLISHED' WHEN n % 2 = 0 THEN 'IN_REVIEW' ELSE 'DRAFT' END::"PostmortemStatus",
      (SELECT "id" FROM "Team" ORDER BY "name" OFFSET (n % 20) LIMIT 1), 'lgu' || (4 + n % 57), 'lgu' || (4 + (n * 13) % 57), n % 33 = 0,
      'The assistant ' || ${pick(SYMPTOMS, "n::text")} || ' for ' || (10 + n % 900) || ' minutes after ' || ${pick(TRIGGERS_TEXT, "(n*7)::text")} || '. On-call ' || ${pick(FIXES, "(n*3)::text")} || '.',
      'Customers saw answers that ' || ${pick(SYMPTOMS, "n::text")} || '.',
      'Deploys of ' || ${pick(TRIGGERS_TEXT, "(n*7)::text")} || ' had no evaluation gate, so the regression reached production unseen.',
      (ARRAY['TECHNICAL','PROCESS','ORGANISATIONAL'])[1 + n % 3]::"RootCauseCategory",
      'Monitoring paged within minutes and the rollback was rehearsed.', 'Evaluation coverage for ' || ${pick(TRIGGERS_TEXT, "(n*7)::text")} || ' was thin.',
      'Gate every prompt and model change on the regression suite.', ${pick(PROVIDERS, "(n % 17)::text")}, ${pick(MODELS, "(n % 23)::text")}, 'v' || (1 + n % 40),
      CASE WHEN age > 30 AND n % 10 <> 0 THEN d + make_interval(days => 3 + n % 10) END, d + interval '2 hours', d + interval '2 hours', 0
    FROM (SELECT n, now() - make_interval(mins => (abs(hashtext('d' || n)) % (3 * 365 * 1440))) AS d,
            (ARRAY['CRITICAL','HIGH','HIGH','MEDIUM','MEDIUM','MEDIUM','LOW','LOW'])[1 + abs(hashtext('s' || n)) % 8] AS sev,
            0 AS age0 FROM generate_series(1, $1) n) s
    CROSS JOIN LATERAL (SELECT extract(day FROM now() - s.d)::int AS age) a`,
    [n],
  );
  await step(
    "participants",
    `INSERT INTO "Participant" ("id", "postmortemId", "userId", "role")
    SELECT 'lgpa' || substr(p."id", 4), p."id", p."facilitatorId", 'FACILITATOR' FROM "Postmortem" p WHERE p."id" LIKE 'lgp%'`,
  );
  await step(
    "impact",
    `INSERT INTO "ImpactAssessment" ("postmortemId", "customerLevel") SELECT "id", 'MEDIUM' FROM "Postmortem" WHERE "id" LIKE 'lgp%'`,
  );
  const milestones = [
    "FIRST_OCCURRENCE",
    "DETECTED",
    "ACKNOWLEDGED",
    "DIAGNOSED",
    "MITIGATED",
    "RESOLVED",
    "ROOT_CAUSE_CONFIRMED",
    "POSTMORTEM_SCHEDULED",
  ];
  await step(
    "timeline rows",
    `INSERT INTO "TimelineEntry" ("id", "postmortemId", "occurredAt", "event", "actor", "notes", "milestone", "kind", "orderKey", "updatedAt")
    SELECT 'lge' || substr(p."id", 4) || '-' || k, p."id",
      p."incidentDate" + make_interval(mins => (k - 1) * (5 + abs(hashtext(p."id" || k)) % 40)),
      CASE WHEN k <= 8 THEN (ARRAY['First occurrence of the issue','Alert triggered / issue detected','Incident acknowledged by on-call','Initial diagnosis',
        'Mitigation applied','Service restored / issue resolved','Root cause confirmed','Post-mortem scheduled'])[k]
        ELSE 'Update: ' || ${pick(FIXES, 'p."id" || k')} END,
      (ARRAY['System','Monitoring','On-call','ML engineer','Support lead'])[1 + k % 5],
      CASE WHEN k = 2 THEN 'Dashboard showed answers that ' || ${pick(SYMPTOMS, 'p."id"')} WHEN k = 9 THEN 'Traced to ' || ${pick(TRIGGERS_TEXT, "p.\"id\" || 'x'")} ELSE '' END,
      CASE WHEN k <= 8 THEN (ARRAY[${milestones.map((m) => `'${m}'`).join(",")}])[k]::"Milestone" END,
      (ARRAY['NOTE','ALERT','NOTE','NOTE','MITIGATION','NOTE','NOTE','NOTE','PROMPT_CHANGE','COMMUNICATION'])[k]::"EventKind", k * 1000, p."createdAt"
    FROM "Postmortem" p CROSS JOIN generate_series(1, 10) k WHERE p."id" LIKE 'lgp%'`,
  );
  await step(
    "whys",
    `INSERT INTO "WhyStep" ("id", "postmortemId", "position", "text", "updatedAt")
    SELECT 'lgw' || substr(p."id", 4) || '-' || k, p."id", k, (ARRAY['Why did answers degrade? The model saw a changed prompt.',
      'Why was the prompt changed? To shorten responses.', 'Why was the effect not caught? No evaluation ran on the change.',
      'Why no evaluation? Prompt edits bypass the deploy pipeline.', 'Why do they bypass it? Prompts are stored as configuration, not code.'])[k], p."createdAt"
    FROM "Postmortem" p CROSS JOIN generate_series(1, 5) k WHERE p."id" LIKE 'lgp%'`,
  );
  await step(
    "factors",
    `INSERT INTO "ContributingFactor" ("id", "postmortemId", "category", "description", "position")
    SELECT 'lgf' || substr(p."id", 4) || '-' || k, p."id", (ARRAY['TECHNICAL','PROCESS','HUMAN'])[k]::"FactorCategory",
      CASE WHEN abs(hashtext(p."id" || 'f' || k)) % 3 = 0 THEN '' ELSE (ARRAY['No eval gate on ' || ${pick(TRIGGERS_TEXT, 'p."id"')},
        'Change review skipped for configuration edits', 'Alert fatigue delayed acknowledgement'])[k] END, k
    FROM "Postmortem" p CROSS JOIN generate_series(1, 3) k WHERE p."id" LIKE 'lgp%'`,
  );
  await step(
    "AI causes",
    `INSERT INTO "AiCause" ("id", "postmortemId", "kind", "evidence")
    SELECT DISTINCT ON (p."id", kind) 'lgc' || substr(p."id", 4) || '-' || kind, p."id", kind::"AiCauseKind", 'See timeline'
    FROM "Postmortem" p CROSS JOIN LATERAL (VALUES
      ((ARRAY['MODEL_DRIFT','DATA_QUALITY','PROMPT_CHANGE','MODEL_UPDATE','ADVERSARIAL_INPUT','HALLUCINATION','RATE_LIMITING','CONTEXT_WINDOW','INTEGRATION_FAILURE','INFRASTRUCTURE'])[1 + abs(hashtext(p."id")) % 10]),
      ((ARRAY['PROMPT_CHANGE','HALLUCINATION','MODEL_UPDATE','RATE_LIMITING'])[1 + abs(hashtext(p."id" || 'b')) % 4])) c(kind)
    WHERE p."id" LIKE 'lgp%' AND (c.kind IS NOT NULL)`,
  );
  await step(
    "corrective actions",
    `INSERT INTO "CorrectiveAction" ("id", "postmortemId", "number", "horizon", "action", "ownerId", "deadline", "status", "completedAt", "updatedAt")
    SELECT 'lga' || substr(p."id", 4) || '-' || k, p."id", k, h::"ActionHorizon", ${pick(ACTIONS, 'p."id" || k')},
      CASE WHEN k = 4 AND abs(hashtext(p."id")) % 7 = 0 THEN NULL ELSE 'lgu' || (4 + abs(hashtext(p."id" || 'o' || k)) % 57) END, dl,
      st::"ActionStatus", CASE WHEN st = 'DONE' THEN dl::timestamp + make_interval(days => (abs(hashtext(p."id" || k)) % 20) - 8) END, p."createdAt"
    FROM "Postmortem" p CROSS JOIN generate_series(1, 4) k
    CROSS JOIN LATERAL (SELECT (ARRAY['IMMEDIATE','SHORT_TERM','SHORT_TERM','LONG_TERM'])[k] AS h) hz
    CROSS JOIN LATERAL (SELECT (coalesce(p."meetingDate", p."incidentDate") + make_interval(days => (ARRAY[7,30,30,90])[k]))::date AS dl) dd
    CROSS JOIN LATERAL (SELECT CASE WHEN abs(hashtext(p."id" || 's' || k)) % 100 < CASE WHEN dl < now() - interval '60 days' THEN 88 ELSE 35 END THEN 'DONE'
      WHEN abs(hashtext(p."id" || 's' || k)) % 100 < 92 THEN (ARRAY['OPEN','IN_PROGRESS'])[1 + k % 2] ELSE 'WONT_DO' END AS st) ss
    WHERE p."id" LIKE 'lgp%'`,
  );
  await client.query(
    `UPDATE "CorrectiveAction" SET "wontDoReason" = 'Superseded by platform work' WHERE "id" LIKE 'lga%' AND "status" = 'WONT_DO'`,
  );
  await step(
    "tags",
    `INSERT INTO "PostmortemTag" ("postmortemId", "tag")
    SELECT DISTINCT p."id", ${pick(TAGS, 'p."id" || k')} FROM "Postmortem" p CROSS JOIN generate_series(1, 2) k
    WHERE p."id" LIKE 'lgp%' AND abs(hashtext(p."id" || 't' || k)) % 10 < 3`,
  );
  await step("search vectors", `UPDATE "Postmortem" p SET "searchVector" = postmortem_search_vector(p) WHERE p."id" LIKE 'lgp%'`);
  const ids = `ARRAY(SELECT "id" FROM "Postmortem" WHERE "id" LIKE 'lgp%')`;
  await step("milestone times", `SELECT postmortem_refresh_milestones(${ids})`);
  await step("unfinished actions", `SELECT postmortem_refresh_open_actions(${ids})`);
  await step("AI causes and factor categories", `SELECT postmortem_refresh_causes(${ids})`);
  for (const [table, names] of TRIGGERS) for (const t of names) await client.query(`ALTER TABLE "${table}" ENABLE TRIGGER ${t}`);
  await client.query("COMMIT");
  for (const table of [
    "Postmortem",
    "TimelineEntry",
    "WhyStep",
    "ContributingFactor",
    "AiCause",
    "CorrectiveAction",
    "PostmortemTag",
    "Participant",
  ]) {
    // VACUUM too: it sets the visibility map, so count queries can use index-only scans at once.
    await client.query(`VACUUM ANALYZE "${table}"`);
  }
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("Set DATABASE_URL to a PostgreSQL database: the large seed is for PostgreSQL, not the embedded database.");
    process.exit(1);
  }
  const n = argValue("postmortems", 50_000);
  const client = new pg.Client({ connectionString: url });
  const started = Date.now();
  try {
    await runMigrations(url);
    await client.connect();
    console.log(`Loading ${n.toLocaleString("en-GB")} postmortems…`);
    await load(client, n);
    console.log(
      `Done in ${((Date.now() - started) / 1000).toFixed(0)} s. People owner4@large.example … owner60@large.example sign in with postmortem-demo (owner1–3 are viewers).`,
    );
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    console.error(describeConnectionError(error, url) ?? error);
    process.exitCode = 1;
  } finally {
    await client.end();
  }
}

void main();
