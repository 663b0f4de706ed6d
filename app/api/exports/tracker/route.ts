import { getCurrentUser } from "@/lib/auth/session";
import { streamTrackerActions } from "@/lib/data/tracker";
import { trackerCsvHeader, trackerCsvLines } from "@/lib/domain/tracker-csv";
import { flattenParams } from "@/lib/validations/browse";
import { trackerFiltersSchema } from "@/lib/validations/tracker";

export const runtime = "nodejs";

/** The tracker's rows under the same filters as the page, as CSV for Jira/Linear import; streamed. */
export async function GET(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in to export corrective actions.", { status: 401 });
  const url = new URL(request.url);
  const filters = trackerFiltersSchema.parse({ ...flattenParams(Object.fromEntries(url.searchParams)), after: undefined });
  const encoder = new TextEncoder();
  const rows = streamTrackerActions(user, filters);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(trackerCsvHeader()));
    },
    async pull(controller) {
      try {
        const next = await rows.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(trackerCsvLines(next.value, url.origin)));
      } catch (error) {
        console.error("[postmortems] tracker export failed", error);
        controller.error(error);
      }
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="corrective-actions-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
