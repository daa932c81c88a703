import type { ServerEvent } from '@teamflow/contracts/events';
import type { Redis } from '../platform/redis';

/**
 * Published events travel on one Redis stream (under the deployment's key prefix). A stream, not
 * PUBLISH: a reader that loses its connection resumes from the last entry it saw, so an api
 * instance whose Redis link blinks does not silently miss events.
 */
export const EVENT_STREAM_KEY = 'events';
// Each entry is one relay batch (≤ 100 events); readers are live, so a short tail is plenty.
const STREAM_MAX_ENTRIES = 10_000;

/** A published event and the scope its rooms come from. */
export interface StreamedEvent {
  /** Its outbox row: a reader that replays from PostgreSQL after Redis lost the stream skips what it has. */
  id?: number;
  event: ServerEvent;
  projectId: string | null;
  taskId: string | null;
}

/**
 * Appends a batch as ONE entry, so a batch is either wholly published or not at all, with the
 * number of the relay pass that appended it.
 */
export async function appendToStream(redis: Redis, batch: StreamedEvent[], pass: number): Promise<void> {
  await redis.xadd(
    EVENT_STREAM_KEY,
    'MAXLEN',
    '~',
    String(STREAM_MAX_ENTRIES),
    '*',
    'pass',
    String(pass),
    'batch',
    JSON.stringify(batch),
  );
}

/** A field of a stream entry (its fields come as a flat name, value, name, value… list). */
function entryField(fields: string[], name: string): string | undefined {
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === name) return fields[i + 1];
  return undefined;
}

const newestEntry = async (redis: Redis) =>
  (await redis.xrevrange(EVENT_STREAM_KEY, '+', '-', 'COUNT', 1))[0];

/** The newest entry's batch and relay pass (null for an empty stream or an entry without a pass). */
export async function newestBatch(redis: Redis): Promise<{ pass: number; batch: StreamedEvent[] } | null> {
  const entry = await newestEntry(redis);
  if (!entry) return null;
  const pass = Number(entryField(entry[1], 'pass'));
  const batch = entryField(entry[1], 'batch');
  if (!Number.isSafeInteger(pass) || !batch) return null;
  return { pass, batch: JSON.parse(batch) as StreamedEvent[] };
}

/** The id of the newest entry ('0-0' for an empty stream): a reader starts after it. */
export async function streamTail(redis: Redis): Promise<string> {
  return (await newestEntry(redis))?.[0] ?? '0-0';
}

/**
 * Waits up to `blockMs` for entries after `afterId`. Returns them in order with the id to resume
 * from. Needs a connection of its own (a blocking read holds it).
 */
export async function readStream(
  redis: Redis,
  afterId: string,
  blockMs: number,
): Promise<{ lastId: string; batches: StreamedEvent[][] }> {
  const reply = await redis.xread('COUNT', 100, 'BLOCK', blockMs, 'STREAMS', EVENT_STREAM_KEY, afterId);
  const entries = reply?.[0]?.[1] ?? [];
  let lastId = afterId;
  const batches: StreamedEvent[][] = [];
  for (const [id, fields] of entries) {
    lastId = id;
    const batch = entryField(fields, 'batch');
    if (batch) batches.push(JSON.parse(batch) as StreamedEvent[]);
  }
  return { lastId, batches };
}
