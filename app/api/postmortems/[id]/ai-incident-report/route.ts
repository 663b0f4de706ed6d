import { getCurrentUser } from "@/lib/auth/session";
import { getAiIncidentReport } from "@/lib/data/ai-incident-report";
import { AppError, errorMessages } from "@/lib/errors";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The AI incident report as a JSON download; the same access rules as the document (else 404). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: errorMessages.UNAUTHENTICATED }, { status: 401 });
  const { id } = await params;
  try {
    const report = await getAiIncidentReport(user, id);
    return new Response(`${JSON.stringify(report, null, 2)}\n`, {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="${report.incident.id.replace(/[^\w.-]/g, "_")}-ai-incident-report.json"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) {
      return Response.json({ error: errorMessages.NOT_FOUND }, { status: 404 });
    }
    throw error;
  }
}
