import { auth } from "@/lib/auth/config";
import { getActiveSessionUser, type SessionUser } from "@/lib/data/auth";
import { authorizeLiveStream, loadDocEventsAfter } from "@/lib/data/live-events";
import { AppError } from "@/lib/errors";
import { broadcastPresence } from "@/lib/realtime/bus";
import { subscribeFeed } from "@/lib/realtime/doc-feed";
import type { AccessLost, LiveEvent } from "@/lib/realtime/live-event";
import { HEARTBEAT_MS } from "@/lib/realtime/presence";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const PING_MS = 15_000;
const ACCESS_EVENTS = new Set(["participant", "postmortem"]);
const ACCESS_FIELDS = new Set(["restricted", "facilitatorId", "deletedAt", null]);
const TAB_ID = /^[A-Za-z0-9_-]{8,64}$/;

const encoder = new TextEncoder();
// An event or presence list goes to every open stream of its postmortem in this process: serialise it once.
const chunks = new WeakMap<object, Uint8Array>();

function chunkOnce(message: object, format: () => string): Uint8Array {
  let chunk = chunks.get(message);
  if (!chunk) {
    chunk = encoder.encode(format());
    chunks.set(message, chunk);
  }
  return chunk;
}

function lastSeenSeq(request: Request, url: URL): number {
  const raw = request.headers.get("last-event-id") ?? url.searchParams.get("after") ?? "";
  const n = Number(raw);
  return Number.isSafeInteger(n) && n >= 0 ? n : -1;
}

async function stillAllowed(sessionId: string, postmortemId: string): Promise<AccessLost["reason"] | null> {
  const user = await getActiveSessionUser(sessionId);
  if (!user) return "UNAUTHENTICATED";
  try {
    await authorizeLiveStream(user, postmortemId);
    return null;
  } catch (error) {
    if (error instanceof AppError) return "NOT_FOUND";
    throw error;
  }
}

/**
 * The live stream of one postmortem (Server-Sent Events): authorised on connect, subscribes first, then
 * replays the log after Last-Event-ID, then streams new events (duplicates dropped by seq) and presence.
 * Access is checked again on every heartbeat and whenever the participants or the restricted flag change;
 * a person who lost it gets an `access` event and the stream ends.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const session = await auth();
  const user: SessionUser | null = session?.sid ? await getActiveSessionUser(session.sid) : null;
  if (!user) return Response.json({ message: "Sign in to follow this postmortem." }, { status: 401 });
  let current: { seq: number };
  try {
    current = await authorizeLiveStream(user, id);
  } catch (error) {
    if (error instanceof AppError) return Response.json({ message: error.message }, { status: 404 });
    throw error;
  }
  const url = new URL(request.url);
  const requested = lastSeenSeq(request, url);
  const tabParam = url.searchParams.get("tab") ?? "";
  const tabId = TAB_ID.test(tabParam) ? tabParam : crypto.randomUUID();
  const sessionId = user.sessionId;

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      let sent = requested < 0 ? current.seq : requested;
      let replaying = true;
      const held: LiveEvent[] = [];
      const timers: NodeJS.Timeout[] = [];
      const write = (chunk: string | Uint8Array) => {
        if (!closed) controller.enqueue(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
      };
      const sendEvents = (events: LiveEvent[]) => {
        let touchesAccess = false;
        for (const event of events) {
          if (event.seq <= sent) continue;
          sent = event.seq;
          write(chunkOnce(event, () => `id: ${event.seq}\nevent: doc\ndata: ${JSON.stringify(event)}\n\n`));
          if (ACCESS_EVENTS.has(event.entity) && (event.entity === "participant" || ACCESS_FIELDS.has(event.field))) touchesAccess = true;
        }
        if (touchesAccess) void recheck();
      };
      // Heartbeats carry no focus (the room keeps the last one it heard), so a beat can never undo a
      // newer focus change that is still on its way.
      const beat = (leaving = false) => broadcastPresence(id, { tabId, userId: user.id, name: user.name, leaving }).catch(() => {});
      const close = () => {
        if (closed) return;
        closed = true;
        timers.forEach(clearInterval);
        unsubscribe();
        void beat(true);
        try {
          controller.close();
        } catch {
          /* already closed by the client */
        }
      };
      async function recheck() {
        try {
          const lost = await stillAllowed(sessionId, id);
          if (!lost) return;
          write(`event: access\ndata: ${JSON.stringify({ reason: lost } satisfies AccessLost)}\n\n`);
          close();
        } catch {
          // The database is unreachable: keep the stream; the next heartbeat checks again.
        }
      }
      const unsubscribe = subscribeFeed(id, sent, {
        events: (events) => (replaying ? held.push(...events) : sendEvents(events)),
        presence: (people) => write(chunkOnce(people, () => `event: presence\ndata: ${JSON.stringify(people)}\n\n`)),
      });
      request.signal.addEventListener("abort", close);
      write(`retry: 2000\n\n`);
      try {
        for (;;) {
          const page = await loadDocEventsAfter(id, sent);
          sendEvents(page);
          if (page.length < 500) break;
        }
      } catch {
        write(`event: problem\ndata: ${JSON.stringify({ message: "Could not load recent changes; retrying." })}\n\n`);
        close();
        return;
      }
      replaying = false;
      sendEvents(held.splice(0));
      write(`event: ready\ndata: ${JSON.stringify({ seq: sent, tabId })}\n\n`);
      void beat();
      timers.push(setInterval(() => void beat(), HEARTBEAT_MS));
      timers.push(
        setInterval(() => {
          write(`: ping\n\n`);
          void recheck();
        }, PING_MS),
      );
    },
  });

  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      "X-Accel-Buffering": "no",
      Connection: "keep-alive",
    },
  });
}
