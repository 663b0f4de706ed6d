import { getCurrentUser } from "@/lib/auth/session";
import { draftPostmortem, type DraftProgress, type DraftResult } from "@/lib/assistant/draft-service";
import { AppError, errorMessages, type ErrorCode } from "@/lib/errors";
import { draftRequestSchema } from "@/lib/validations/draft";

// Drafting streams: newline-delimited JSON, progress lines then one "draft" or "error" line, so the
// page can show what the assistant is doing while an endpoint takes its time. Nothing is written here.

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export type DraftStreamLine =
  | { type: "progress"; message: string; rows?: number }
  | { type: "draft"; draft: DraftResult }
  | { type: "error"; code: ErrorCode; message: string; fieldErrors?: Record<string, string[] | undefined> };

const json = (line: DraftStreamLine, status = 200) =>
  new Response(`${JSON.stringify(line)}\n`, { status, headers: { "content-type": "application/x-ndjson; charset=utf-8" } });

/** Cookie-authenticated POST: only from this site's own pages (server actions get the same check from Next). */
function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  if (!sameOrigin(request)) return json({ type: "error", code: "FORBIDDEN", message: errorMessages.FORBIDDEN }, 403);
  const user = await getCurrentUser();
  if (!user) return json({ type: "error", code: "UNAUTHENTICATED", message: errorMessages.UNAUTHENTICATED }, 401);
  const { id } = await params;
  const body: unknown = await request.json().catch(() => null);
  const parsed = draftRequestSchema.safeParse({ ...(typeof body === "object" && body ? body : {}), postmortemId: id });
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? errorMessages.VALIDATION;
    return json({ type: "error", code: "VALIDATION", message, fieldErrors: { material: [message] } }, 400);
  }

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: DraftStreamLine) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      try {
        const draft = await draftPostmortem(user, parsed.data, { onProgress: (p: DraftProgress) => send({ type: "progress", ...p }) });
        send({ type: "draft", draft });
      } catch (error) {
        if (error instanceof AppError) send({ type: "error", code: error.code, message: error.message, fieldErrors: error.fieldErrors });
        else {
          console.error("[postmortems] drafting failed", error);
          send({ type: "error", code: "INTERNAL", message: errorMessages.INTERNAL });
        }
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "application/x-ndjson; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    },
  });
}
