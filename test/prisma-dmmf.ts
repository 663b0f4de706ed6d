// Loads the DMMF (Prisma's parsed datamodel) of a schema through the installed Prisma CLI, so tests see
// the schema exactly as Prisma reads it. @prisma/internals' getDMMF is not a dependency of this project;
// a tiny custom generator receives the same DMMF from `prisma generate`.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

export interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  hasDefaultValue: boolean;
  default?: unknown;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
}

export interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}

export interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  name?: string;
  dbName?: string;
  algorithm?: string;
  fields: { name: string }[];
}

export interface DmmfDatamodel {
  models: DmmfModel[];
  enums: { name: string; dbName?: string | null; values: { name: string; dbName?: string | null }[] }[];
  indexes: DmmfIndex[];
}

const generatorPath = fileURLToPath(new URL("./prisma-dmmf-generator.mjs", import.meta.url));

export async function loadDatamodel(schemaPath: string): Promise<DmmfDatamodel> {
  const workDir = await mkdtemp(path.join(tmpdir(), "pm-dmmf-"));
  try {
    const outputPath = path.join(workDir, "datamodel.json");
    const schema = await readFile(schemaPath, "utf8");
    // The real generator would rewrite lib/generated; only the DMMF generator runs on the copy.
    const generator = [
      "generator dmmf {",
      `  provider = ${JSON.stringify(`${JSON.stringify(process.execPath)} ${JSON.stringify(generatorPath)}`)}`,
      `  output   = ${JSON.stringify(outputPath)}`,
      "}",
    ].join("\n");
    const copy = schema.replace(/^generator\s+\w+\s*\{[^}]*\}/gm, "");
    if (copy === schema) throw new Error(`no generator block found in ${schemaPath}`);
    await writeFile(path.join(workDir, "schema.prisma"), `${generator}\n${copy}`);

    const prismaCli = path.join(path.dirname(createRequire(import.meta.url).resolve("prisma/package.json")), "build/index.js");
    await promisify(execFile)(process.execPath, [prismaCli, "generate", "--schema", "schema.prisma"], {
      cwd: workDir,
      env: { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1", PRISMA_SCHEMA_ENGINE_BINARY: "/bin/true" },
    });
    return JSON.parse(await readFile(outputPath, "utf8")) as DmmfDatamodel;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
