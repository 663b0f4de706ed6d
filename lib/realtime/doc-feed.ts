import "server-only";
import { loadDocEventsAfter } from "@/lib/data/live-events";
import { subscribeBus } from "@/lib/realtime/bus";
import type { LiveEvent, PresencePerson } from "@/lib/realtime/live-event";
import { parseBeat, PresenceRoom } from "@/lib/realtime/presence";

// One feed per open postmortem per process: a signal from the bus carries the new events (or makes the
// feed read them from the log ONCE) and they go to every local stream of that postmortem. Bytes per edit do not grow with the
// document, and a lost signal costs only latency, since the next read starts from the last seq delivered.

export type FeedSubscriber = { events: (events: LiveEvent[]) => void; presence: (people: PresencePerson[]) => void };

type Feed = {
  lastSeq: number;
  target: number;
  reading: boolean;
  subscribers: Set<FeedSubscriber>;
  room: PresenceRoom;
  stop: () => void;
};

const SWEEP_MS = 5_000;

const globalFeeds = globalThis as unknown as { postmortemFeeds?: Map<string, Feed> };
const feeds = () => (globalFeeds.postmortemFeeds ??= new Map());

const RETRY_MS = [10, 25, 50, 100, 250, 500, 1000];

async function pump(postmortemId: string, feed: Feed) {
  if (feed.reading) return;
  feed.reading = true;
  try {
    let attempt = 0;
    while (feed.subscribers.size > 0 && (feed.target > feed.lastSeq || feed.target === Infinity)) {
      const wanted = feed.target;
      const events = await loadDocEventsAfter(postmortemId, feed.lastSeq);
      if (events.length > 0) {
        feed.lastSeq = events[events.length - 1].seq;
        for (const s of feed.subscribers) s.events(events);
        attempt = 0;
        continue;
      }
      if (wanted === Infinity) {
        feed.target = feed.lastSeq;
        break;
      }
      // Signalled before its transaction was visible (or the transaction rolled back): look again shortly.
      if (attempt >= RETRY_MS.length) {
        feed.target = feed.lastSeq;
        break;
      }
      await new Promise((r) => setTimeout(r, RETRY_MS[attempt++]));
    }
  } catch (error) {
    console.error("[postmortems] live feed could not read the log", error instanceof Error ? error.message : error);
    setTimeout(() => void pump(postmortemId, feed), 1000).unref();
  } finally {
    feed.reading = false;
  }
}

/**
 * Subscribes to a postmortem's new events, from `fromSeq` on (the feed starts there when it is the first
 * subscriber; later subscribers replay their own gap from the log and drop duplicates by seq).
 */
export function subscribeFeed(postmortemId: string, fromSeq: number, subscriber: FeedSubscriber): () => void {
  let feed = feeds().get(postmortemId);
  if (!feed) {
    const created: Feed = {
      lastSeq: fromSeq,
      target: fromSeq,
      reading: false,
      subscribers: new Set(),
      room: new PresenceRoom(),
      stop: () => {},
    };
    const announce = () => {
      const people = created.room.list();
      created.subscribers.forEach((s) => s.presence(people));
    };
    const sweeper = setInterval(() => {
      if (created.room.sweep()) announce();
    }, SWEEP_MS);
    sweeper.unref();
    const unsubscribe = subscribeBus(postmortemId, {
      doc: (seq, events) => {
        // The signal carries the events that follow the last delivered one: hand them on without a read.
        if (events && !created.reading && events[0].seq === created.lastSeq + 1) {
          created.lastSeq = seq;
          created.target = Math.max(created.target, seq);
          for (const s of created.subscribers) s.events(events);
          return;
        }
        created.target = Math.max(created.target, seq);
        void pump(postmortemId, created);
      },
      presence: (payload) => {
        const beat = parseBeat(payload);
        if (beat && created.room.apply(beat)) announce();
      },
      resync: () => {
        created.target = Infinity;
        void pump(postmortemId, created);
      },
    });
    created.stop = () => {
      clearInterval(sweeper);
      unsubscribe();
    };
    feeds().set(postmortemId, created);
    feed = created;
  }
  const current = feed;
  current.subscribers.add(subscriber);
  subscriber.presence(current.room.list());
  return () => {
    current.subscribers.delete(subscriber);
    if (current.subscribers.size === 0) {
      current.stop();
      feeds().delete(postmortemId);
    }
  };
}
