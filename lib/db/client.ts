import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// One client per process; Next's dev server re-evaluates modules, so it lives on globalThis.
const globalForPrisma = globalThis as unknown as { prismaClient?: PrismaClient; prismaUrl?: string };

export function getDb(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: the embedded database did not start.");
  if (!globalForPrisma.prismaClient || globalForPrisma.prismaUrl !== url) {
    const adapter = new PrismaPg({ connectionString: url, max: poolSize() });
    globalForPrisma.prismaClient = new PrismaClient({ adapter });
    globalForPrisma.prismaUrl = url;
  }
  return globalForPrisma.prismaClient;
}

export type Db = PrismaClient;

/**
 * PGlite is one backend session behind its socket server, which queues protocol messages one at a time:
 * two connections sending extended-protocol queries at once could interleave their Parse/Bind messages.
 * So the embedded database gets exactly one pooled connection; a real PostgreSQL gets a normal pool.
 */
function poolSize(): number {
  if (process.env.DATABASE_POOL_SIZE) return Number(process.env.DATABASE_POOL_SIZE);
  return process.env.EMBEDDED_DATABASE === "1" ? 1 : 10;
}
