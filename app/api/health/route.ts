import { checkDatabase } from "@/lib/data/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const db = await checkDatabase();
  return Response.json(
    { status: db.ok ? "ok" : "degraded", database: db.ok ? "up" : "down", latencyMs: db.latencyMs },
    { status: db.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
