// Code under test reads process.env.DATABASE_URL (lib/env.ts, the Prisma client), so the database that
// test/global-setup.ts migrated is exposed there before any test file is imported.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
