// Code under test reads process.env.DATABASE_URL (lib/env.ts, the Prisma client), so the database that
// test/global-setup.ts migrated is exposed there before any test file is imported.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");

// On PGlite the app runs with one pooled connection (lib/db/client.ts); tests do the same, so a data-layer
// call that reaches for a second connection inside a transaction shows up here as a hang, not in production.
if (!process.env.TEST_DATABASE_URL) process.env.DATABASE_POOL_SIZE ??= "1";
