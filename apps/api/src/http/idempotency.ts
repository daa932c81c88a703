import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Ctx } from '@teamflow/core/platform/context';
import { AppError } from '@teamflow/core/platform/errors';
import { AlreadyWritten } from '@teamflow/core/platform/idempotent-writes';
import type { ApiDeps } from '../deps';

/** How long a finished write's answer is kept for replays (the web's offline queue gives up sooner). */
export const IDEMPOTENCY_TTL_S = 24 * 60 * 60;
/**
 * How long a key stays reserved while its first request runs. A process that dies between the
 * commit and storing the answer frees the key after this. A create is still written once (its key
 * is in PostgreSQL too); an update replayed after this meets its own version as stale (409).
 */
const PENDING_TTL_S = 60;
/** A replay arriving while the first request still runs waits this long for its answer. */
const PENDING_WAIT_MS = 5_000;
const KEY_PATTERN = /^[\x21-\x7e]{8,200}$/;

interface PendingEntry {
  state: 'pending';
  fingerprint: string;
}
interface DoneEntry {
  state: 'done';
  fingerprint: string;
  status: number;
  body: unknown;
}
type Entry = PendingEntry | DoneEntry;

/** What the replay answered: the caller's handler did not run. */
export const REPLAYED = Symbol('idempotent replay');

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function read(deps: ApiDeps, key: string): Promise<Entry | undefined> {
  const raw = await deps.redis.get(key);
  return raw ? (JSON.parse(raw) as Entry) : undefined;
}

/** A create's way back to what its key made (route-table's `idempotent.replay`), with the request's ctx. */
export interface DurableReplay {
  ctx: Ctx | undefined;
  replay: ((ctx: never, resourceId: string) => Promise<unknown>) | undefined;
}

/**
 * `Idempotency-Key` on a write route: the first request with a key runs and its 2xx answer is kept
 * for 24 h; the same key with the same method, path and body gets that answer again (header
 * `Idempotent-Replayed: true`) without a second write. Keys are per user, so one person's key
 * never answers another's request. The same key on a different request is refused (422), and a
 * replay while the first is still running waits for it (then 409 `IDEMPOTENCY_IN_PROGRESS`,
 * which a client retries). A failed first request (4xx, 5xx) frees its key: nothing was written.
 * Runs after access and validation, so a replay still needs today's permission.
 *
 * Redis keeps the answers, but it cannot know whether a request whose process died after its
 * commit wrote anything. Creates therefore also record their key in their own transaction
 * (core/platform/idempotent-writes.ts): a copy whose first is still "pending" after the wait runs
 * instead of answering 409 — PostgreSQL makes it wait for the first's transaction and then either
 * replays what the first made or, the first having rolled back or died, writes it once.
 */
export async function runIdempotent(
  deps: ApiDeps,
  req: Request,
  res: Response,
  status: number,
  body: unknown,
  run: () => Promise<unknown>,
  durable: DurableReplay = { ctx: undefined, replay: undefined },
): Promise<unknown> {
  const header = req.get('Idempotency-Key');
  if (header === undefined) return run();
  if (!KEY_PATTERN.test(header))
    throw new AppError('VALIDATION_ERROR', 'Idempotency-Key must be 8 to 200 visible ASCII characters', [
      { field: 'Idempotency-Key', message: 'Use 8 to 200 visible ASCII characters (a UUID, say)' },
    ]);
  const keyHash = sha256(header);
  const key = `idempotency:${req.claims!.sub}:${keyHash}`;
  const fingerprint = sha256(JSON.stringify([req.method, req.baseUrl + req.path, body ?? null]));
  const { ctx, replay } = durable;
  if (ctx && replay) ctx.idempotency = { keyHash, fingerprint };

  const pending: PendingEntry = { state: 'pending', fingerprint };
  const reserved = await deps.redis.set(key, JSON.stringify(pending), 'EX', PENDING_TTL_S, 'NX');
  if (reserved !== 'OK') {
    const deadline = Date.now() + PENDING_WAIT_MS;
    let entry = await read(deps, key);
    while (entry?.state === 'pending' && entry.fingerprint === fingerprint && Date.now() < deadline) {
      await sleep(100);
      entry = await read(deps, key);
    }
    // Expired or freed meanwhile (the first request failed): this one is the first now.
    if (!entry) return runIdempotent(deps, req, res, status, body, run, durable);
    if (entry.fingerprint !== fingerprint) throw keyReused();
    if (entry.state === 'pending') {
      // A create settles it in PostgreSQL (see above); anything else asks the client to retry.
      if (ctx?.idempotency) return runRecorded(deps, req, res, key, fingerprint, status, run, durable, false);
      throw new AppError(
        'IDEMPOTENCY_IN_PROGRESS',
        'The first request with this Idempotency-Key is still running; retry shortly',
        undefined,
        { 'Retry-After': '1' },
      );
    }
    res.setHeader('Idempotent-Replayed', 'true');
    if (entry.body === null) res.status(entry.status).end();
    else res.status(entry.status).json(entry.body);
    return REPLAYED;
  }
  return runRecorded(deps, req, res, key, fingerprint, status, run, durable, true);
}

const keyReused = () =>
  new AppError(
    'IDEMPOTENCY_KEY_REUSED',
    'This Idempotency-Key was used for a different request; send a new key for a new change',
  );

/** Runs the write and keeps its answer; `owned`: this request holds the key's reservation. */
async function runRecorded(
  deps: ApiDeps,
  req: Request,
  res: Response,
  key: string,
  fingerprint: string,
  status: number,
  run: () => Promise<unknown>,
  { ctx, replay }: DurableReplay,
  owned: boolean,
): Promise<unknown> {
  let result: unknown;
  try {
    result = await run();
  } catch (error) {
    if (!(error instanceof AlreadyWritten) || !ctx || !replay) {
      if (owned) await deps.redis.del(key).catch(() => undefined);
      throw error;
    }
    // An earlier copy committed (its answer lost, or it is the one still "pending"): answer with
    // what it made. This copy's writes rolled back with the transaction that found it.
    if (!error.sameRequest) {
      if (owned) await deps.redis.del(key).catch(() => undefined);
      throw keyReused();
    }
    result = await replay(ctx as never, error.resourceId);
    res.setHeader('Idempotent-Replayed', 'true');
  }
  const done: DoneEntry = { state: 'done', fingerprint, status, body: result ?? null };
  // The write is committed: a Redis hiccup here must not turn it into an error for the caller.
  await deps.redis.set(key, JSON.stringify(done), 'EX', IDEMPOTENCY_TTL_S).catch((error: Error) => {
    req.log.warn('idempotency answer not stored', { error: error.message });
  });
  return result;
}
