import { getCurrentUser } from "@/lib/auth/session";
import { exportPostmortem, isExportFormat } from "@/lib/data/exports";
import { AppError, errorMessages } from "@/lib/errors";

export const dynamic = "force-dynamic";

const notFound = () => Response.json({ error: errorMessages.NOT_FOUND }, { status: 404, headers: { "Cache-Control": "no-store" } });

/** GET /api/postmortems/:id/export/md|json — a download of the document, for whoever may read it. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; format: string }> }) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: errorMessages.UNAUTHENTICATED }, { status: 401, headers: { "Cache-Control": "no-store" } });
  const { id, format } = await params;
  if (!isExportFormat(format)) return notFound();
  try {
    const file = await exportPostmortem(user, id, format);
    return new Response(file.body, {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${file.fileName}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) return notFound();
    throw error;
  }
}
