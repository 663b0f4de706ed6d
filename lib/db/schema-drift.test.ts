// Proves that prisma/migrations builds exactly the schema that prisma/schema.prisma describes. Both sides
// are rendered as sorted lines ("column Team.name text not null default none", "foreign key ..."), so a
// failure reads as a diff of what is missing from or extra in the migrated database.
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freshDatabase, type ScratchDatabase } from "@/test/db";
import { loadDatamodel, type DmmfDatamodel, type DmmfField, type DmmfModel } from "@/test/prisma-dmmf";
import { runMigrations } from "./migrate";

const schemaPath = fileURLToPath(new URL("../../prisma/schema.prisma", import.meta.url));

// Deliberately outside schema.prisma: the full-text search vector (kept current by triggers), read with $queryRaw only.
const ALLOWED_EXTRAS = [
  "column Postmortem.searchVector tsvector null default none",
  "index Postmortem_searchVector_idx on Postmortem gin (searchVector)",
  // Partial indexes of the managers' views (overview, tracker, restricted postmortems); Prisma cannot describe a WHERE clause.
  "index Postmortem_pendingReview_idx on Postmortem btree (incidentDate)",
  "index Postmortem_restricted_idx on Postmortem btree (id)",
  "index CorrectiveAction_unfinished_deadline_idx on CorrectiveAction btree (deadline)",
  // Per-postmortem figures of the managers' views, kept by triggers (milestone times, unfinished actions, AI causes,
  // written factor categories) or generated (the AI system's key), with the indexes that read them; the app never
  // writes them.
  "column Postmortem.firstOccurrenceAt timestamp(3) without time zone null default none",
  "column Postmortem.detectedAt timestamp(3) without time zone null default none",
  "column Postmortem.acknowledgedAt timestamp(3) without time zone null default none",
  "column Postmortem.mitigatedAt timestamp(3) without time zone null default none",
  "column Postmortem.resolvedAt timestamp(3) without time zone null default none",
  "column Postmortem.openActionCount integer not null default 0",
  "column Postmortem.nextOpenDeadline date null default none",
  "column Postmortem.aiSystemKey text null generated stored",
  'column Postmortem.aiCauseKinds "AiCauseKind"[] not null default "{}"',
  'column Postmortem.factorCategories "FactorCategory"[] not null default "{}"',
  "index Postmortem_nextOpenDeadline_idx on Postmortem btree (nextOpenDeadline)",
  "index CorrectiveAction_trackerOrder_idx on CorrectiveAction btree (COALESCE(deadline, '9999-12-31'::date), id)",
  "index CorrectiveAction_trackerOrder_unfinished_idx on CorrectiveAction btree (COALESCE(deadline, '9999-12-31'::date), id)",
  "index CorrectiveAction_postmortemId_unfinished_idx on CorrectiveAction btree (postmortemId, deadline, ownerId)",
  // Covering (INCLUDE) indexes for index-only scans of the managers' aggregates.
  "index Postmortem_browse_idx on Postmortem btree (incidentDate, id, severity, status, teamId, facilitatorId, createdById, " +
    "restricted, meetingDate, publishedAt, createdAt, firstOccurrenceAt, detectedAt, acknowledgedAt, mitigatedAt, resolvedAt, " +
    "detectOverrideMin, acknowledgeOverrideMin, mitigateOverrideMin, resolveOverrideMin, detectNotApplicable, " +
    "acknowledgeNotApplicable, mitigateNotApplicable, resolveNotApplicable, openActionCount, nextOpenDeadline, aiSystemKey, " +
    "aiCauseKinds, factorCategories)",
  "index CorrectiveAction_postmortemId_live_idx on CorrectiveAction btree (postmortemId, status, horizon, deadline, completedAt, ownerId)",
  "index ContributingFactor_written_idx on ContributingFactor btree (postmortemId, category)",
  "index Postmortem_published_aiSystemKey_idx on Postmortem btree (aiSystemKey, incidentDate, id, restricted, facilitatorId, createdById, aiCauseKinds)",
];

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  Float: "double precision",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  BigInt: "bigint",
  Decimal: "numeric(65,30)",
  Bytes: "bytea",
};

const REFERENTIAL_ACTIONS: Record<string, string> = {
  Cascade: "CASCADE",
  SetNull: "SET NULL",
  Restrict: "RESTRICT",
  NoAction: "NO ACTION",
  SetDefault: "SET DEFAULT",
};

function expectedSchema(dm: DmmfDatamodel): string[] {
  const lines: string[] = [];
  const enumDbNames = new Map(dm.enums.map((e) => [e.name, e.dbName ?? e.name]));
  const models = new Map(dm.models.map((m) => [m.name, m]));
  const tableOf = (model: DmmfModel) => model.dbName ?? model.name;
  const columnOf = (model: DmmfModel, fieldName: string) => {
    const field = model.fields.find((f) => f.name === fieldName);
    if (!field) throw new Error(`${model.name}.${fieldName} is not a field`);
    return field.dbName ?? field.name;
  };

  for (const e of dm.enums) {
    lines.push(`enum ${e.dbName ?? e.name}: ${e.values.map((v) => v.dbName ?? v.name).join(", ")}`);
  }
  for (const model of dm.models) {
    const table = tableOf(model);
    lines.push(`table ${table}`);
    for (const field of model.fields) {
      if (field.kind === "scalar" || field.kind === "enum") {
        const type = field.kind === "enum" ? `enum ${enumDbNames.get(field.type)}` : columnType(field);
        const nullability = field.isRequired || field.isList ? "not null" : "null";
        lines.push(`column ${table}.${field.dbName ?? field.name} ${type} ${nullability} default ${defaultOf(field)}`);
      }
      if (field.kind === "object" && field.relationFromFields?.length) {
        const target = models.get(field.type)!;
        const from = field.relationFromFields.map((f) => columnOf(model, f));
        const to = (field.relationToFields ?? []).map((f) => columnOf(target, f));
        // Prisma's defaults: Restrict when every referencing field is required, else SetNull.
        const required = field.relationFromFields.every((f) => model.fields.find((x) => x.name === f)?.isRequired);
        const onDelete = field.relationOnDelete ?? (required ? "Restrict" : "SetNull");
        const onUpdate = field.relationOnUpdate ?? "Cascade";
        lines.push(
          `foreign key ${table}_${from.join("_")}_fkey on ${table} (${from.join(", ")}) references ` +
            `${tableOf(target)} (${to.join(", ")}) on delete ${REFERENTIAL_ACTIONS[onDelete]} on update ${REFERENTIAL_ACTIONS[onUpdate]}`,
        );
      }
    }
  }
  for (const index of dm.indexes) {
    const model = models.get(index.model)!;
    const table = tableOf(model);
    const columns = index.fields.map((f) => columnOf(model, f.name));
    if (index.type === "id") {
      lines.push(`primary key ${index.dbName ?? `${table}_pkey`} on ${table} (${columns.join(", ")})`);
    } else if (index.type === "unique") {
      lines.push(`unique index ${index.dbName ?? `${table}_${columns.join("_")}_key`} on ${table} btree (${columns.join(", ")})`);
    } else {
      const method = (index.algorithm ?? "BTree").toLowerCase();
      lines.push(`index ${index.dbName ?? `${table}_${columns.join("_")}_idx`} on ${table} ${method} (${columns.join(", ")})`);
    }
  }
  return [...lines, ...ALLOWED_EXTRAS].sort();
}

function columnType(field: DmmfField): string {
  const [nativeName, args] = field.nativeType ?? [];
  let type = SCALAR_TYPES[field.type];
  if (nativeName === "Date") type = "date";
  else if (nativeName === "Decimal") type = `numeric(${args!.join(",")})`;
  else if (nativeName) throw new Error(`add @db.${nativeName} to the drift test's type map`);
  if (!type) throw new Error(`add ${field.type} to the drift test's type map`);
  return field.isList ? `${type}[]` : type;
}

// Rendered the way defaultText() below normalises PostgreSQL's default expressions.
function defaultOf(field: DmmfField): string {
  if (!field.hasDefaultValue) return "none";
  const value = field.default;
  if (value !== null && typeof value === "object" && "name" in value) {
    const fn = value as { name: string; args: unknown[] };
    if (fn.name === "now") return "CURRENT_TIMESTAMP";
    if (fn.name === "autoincrement") return "nextval";
    if (fn.name === "dbgenerated") return String(fn.args[0]);
    return "none"; // cuid(), uuid() and the like are filled in by Prisma Client, not the database
  }
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

function defaultText(expression: string | null): string {
  if (expression === null) return "none";
  if (expression.startsWith("nextval(")) return "nextval";
  const literal = /^'((?:[^']|'')*)'::(.+)$/.exec(expression);
  if (!literal) return expression;
  const text = literal[1].replaceAll("''", "'");
  // PostgreSQL quotes negative numeric defaults ('-1'::integer); Prisma's DMMF holds them as numbers.
  return /^(smallint|integer|bigint|numeric|real|double precision)/.test(literal[2]) ? text : JSON.stringify(text);
}

const REFERENTIAL_CODES: Record<string, string> = { a: "NO ACTION", r: "RESTRICT", c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };

async function actualSchema(connectionString: string): Promise<string[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const q = async (sql: string) => (await client.query<Record<string, string | boolean | null>>(sql)).rows;
    const inSchema = "n.nspname = current_schema()";
    const lines: string[] = [];
    for (const r of await q(`SELECT t.typname, string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) AS labels
        FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
        WHERE ${inSchema} GROUP BY t.typname`)) {
      lines.push(`enum ${r.typname}: ${r.labels}`);
    }
    const tables = `c.relkind = 'r' AND c.relname <> '_prisma_migrations' AND ${inSchema}`;
    for (const r of await q(`SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ${tables}`)) {
      lines.push(`table ${r.relname}`);
    }
    for (const r of await q(`SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod) AS type, t.typtype,
          t.typname, a.attnotnull, a.attgenerated, pg_get_expr(d.adbin, d.adrelid) AS def
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_type t ON t.oid = a.atttypid LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE ${tables} AND a.attnum > 0 AND NOT a.attisdropped`)) {
      const type = r.typtype === "e" ? `enum ${r.typname}` : r.type;
      const head = `column ${r.relname}.${r.attname} ${type} ${r.attnotnull ? "not null" : "null"}`;
      lines.push(r.attgenerated === "s" ? `${head} generated stored` : `${head} default ${defaultText(r.def as string | null)}`);
    }
    for (const r of await q(`SELECT i.relname AS name, c.relname AS tbl, am.amname, x.indisunique, x.indisprimary,
          (SELECT string_agg(coalesce(a.attname, pg_get_indexdef(x.indexrelid, k.ord::int, true)), ', ' ORDER BY k.ord)
           FROM unnest(x.indkey) WITH ORDINALITY AS k(attnum, ord)
           LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum AND k.attnum > 0) AS cols
        FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid
        JOIN pg_am am ON am.oid = i.relam JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ${tables}`)) {
      const kind = r.indisprimary ? "primary key" : r.indisunique ? "unique index" : "index";
      const method = r.indisprimary ? "" : ` ${r.amname}`;
      lines.push(`${kind} ${r.name} on ${r.tbl}${method} (${r.cols})`);
    }
    for (const r of await q(`SELECT con.conname, con.contype, c.relname AS tbl, f.relname AS ftbl, con.confdeltype,
          con.confupdtype, pg_get_constraintdef(con.oid) AS def,
          (SELECT string_agg(a.attname, ', ' ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
           JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum) AS cols,
          (SELECT string_agg(a.attname, ', ' ORDER BY k.ord) FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
           JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum) AS fcols
        FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_class f ON f.oid = con.confrelid WHERE ${tables} AND con.contype NOT IN ('p', 'u', 'n')`)) {
      lines.push(
        r.contype === "f"
          ? `foreign key ${r.conname} on ${r.tbl} (${r.cols}) references ${r.ftbl} (${r.fcols}) ` +
              `on delete ${REFERENTIAL_CODES[r.confdeltype as string]} on update ${REFERENTIAL_CODES[r.confupdtype as string]}`
          : `constraint ${r.conname} on ${r.tbl}: ${r.def}`,
      );
    }
    return lines.sort();
  } finally {
    await client.end();
  }
}

describe("migrations match schema.prisma", () => {
  let expected: string[];
  beforeAll(async () => {
    expected = expectedSchema(await loadDatamodel(schemaPath));
  });

  it("builds every model, column, enum, index and foreign key, and nothing else", async () => {
    expect(await actualSchema(inject("databaseUrl"))).toEqual(expected);
  });

  describe("when the database drifts", () => {
    let scratch: ScratchDatabase;
    beforeAll(async () => {
      scratch = await freshDatabase();
      await runMigrations(scratch.url);
    });
    afterAll(() => scratch?.drop());

    it("reports a missing index, a changed ON DELETE, a nullable column and an extra table", async () => {
      const client = new pg.Client({ connectionString: scratch.url });
      await client.connect();
      try {
        await client.query(`DROP INDEX "Postmortem_deletedAt_idx";
          ALTER TABLE "DocEvent" DROP CONSTRAINT "DocEvent_actorId_fkey";
          ALTER TABLE "DocEvent" ADD CONSTRAINT "DocEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
          ALTER TABLE "Team" ALTER COLUMN "name" DROP NOT NULL;
          CREATE TABLE "Stray" ("id" TEXT PRIMARY KEY);`);
      } finally {
        await client.end();
      }
      const actual = await actualSchema(scratch.url);
      const missing = expected.filter((line) => !actual.includes(line));
      const extra = actual.filter((line) => !expected.includes(line));
      expect(missing).toEqual([
        "column Team.name text not null default none",
        "foreign key DocEvent_actorId_fkey on DocEvent (actorId) references User (id) on delete SET NULL on update CASCADE",
        "index Postmortem_deletedAt_idx on Postmortem btree (deletedAt)",
      ]);
      expect(extra).toEqual([
        "column Stray.id text not null default none",
        "column Team.name text null default none",
        "foreign key DocEvent_actorId_fkey on DocEvent (actorId) references User (id) on delete CASCADE on update CASCADE",
        "primary key Stray_pkey on Stray (id)",
        "table Stray",
      ]);
    });
  });
});
