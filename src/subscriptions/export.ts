// Everything stored about a reader, as the export e-mail (a reader's request from the
// manage page) carries it as JSON: the subscription and the messages sent or queued.
import type { QueueTables } from "./queue.js";
import type { Subscriber } from "./subscribers.js";

export function subscriberExport(s: Subscriber, queue: Pick<QueueTables, "ofSubscriber">): object {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    email: s.email,
    language: s.lang,
    districts: s.districts,
    topics: s.topics,
    what: s.scope,
    frequency: s.frequency,
    status: s.status,
    pendingChoices: s.pending,
    subscribedAt: iso(s.createdAt),
    confirmedAt: iso(s.confirmedAt),
    messages: queue
      .ofSubscriber(s.id)
      .map((m) => ({ kind: m.kind, status: m.status, createdAt: iso(m.created_at), sentAt: iso(m.sent_at), items: JSON.parse(m.items) as string[] })),
  };
}
