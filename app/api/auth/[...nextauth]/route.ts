import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/config";
import { getCurrentUser } from "@/lib/auth/session";

export const { POST } = handlers;

/**
 * Auth.js answers /api/auth/session from the signed cookie alone; a revoked, expired or idle session must
 * read as signed out there too, so the server-side row is checked first.
 */
export async function GET(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith("/session") && !(await getCurrentUser())) {
    return Response.json(null, { headers: { "Cache-Control": "no-store" } });
  }
  return handlers.GET(request);
}
