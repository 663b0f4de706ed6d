import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

// Read once at start-up (instrumentation) and on first use; everything else asks this module.
const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  ALLOW_SIGNUP: z
    .enum(["true", "false", ""])
    .optional()
    .transform((v) => v === "true"),
  DATA_DIR: z.string().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "SMTP_URL must be an smtp:// or smtps:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  MAIL_FROM: z.string().optional(),
  APP_URL: z
    .url({ error: "APP_URL must be a URL such as https://postmortems.example.com" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

export type AppEnv = {
  /** The external PostgreSQL, or undefined for the embedded one. */
  externalDatabaseUrl: string | undefined;
  allowSignup: boolean;
  dataDir: string;
  pgliteDir: string;
  /** Outgoing mail: sent only when set. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** The address people open the app at, for links in emails and webhooks. */
  appUrl: string;
};

let cached: AppEnv | undefined;

export function readEnv(): AppEnv {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n  ${lines.join("\n  ")}`);
  }
  const dataDir = path.resolve(/*turbopackIgnore: true*/ process.cwd(), parsed.data.DATA_DIR || ".data");
  cached = {
    externalDatabaseUrl: process.env.EMBEDDED_DATABASE === "1" ? undefined : parsed.data.DATABASE_URL,
    allowSignup: parsed.data.ALLOW_SIGNUP,
    dataDir,
    pgliteDir: path.join(dataDir, "pglite"),
    smtpUrl: parsed.data.SMTP_URL,
    mailFrom: parsed.data.MAIL_FROM || "Postmortems <postmortems@localhost>",
    appUrl: (parsed.data.APP_URL || `http://localhost:${parsed.data.PORT ?? 3000}`).replace(/\/+$/, ""),
  };
  return cached;
}

/**
 * AUTH_SECRET signs session tokens. A real deployment must set it; the embedded demo mode generates one
 * on first start and keeps it in the data folder so sessions survive restarts.
 */
export function ensureAuthSecret(log: (line: string) => void = console.log): string {
  const existing = process.env.AUTH_SECRET;
  if (existing && existing.length >= 32) return existing;
  if (existing) throw new Error("AUTH_SECRET must be at least 32 characters.");
  const env = readEnv();
  if (env.externalDatabaseUrl) {
    throw new Error("AUTH_SECRET is required when DATABASE_URL is set (generate one with: openssl rand -base64 33).");
  }
  const file = path.join(env.dataDir, "auth-secret");
  let secret: string;
  if (existsSync(file)) {
    secret = readFileSync(file, "utf8").trim();
  } else {
    mkdirSync(env.dataDir, { recursive: true });
    secret = randomBytes(33).toString("base64");
    writeFileSync(file, secret + "\n", { mode: 0o600 });
    log(`Generated AUTH_SECRET for the embedded database and stored it in ${file}`);
  }
  process.env.AUTH_SECRET = secret;
  return secret;
}
