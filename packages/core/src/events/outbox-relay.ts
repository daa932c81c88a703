import { isPersonalEvent, type ServerEvent, type UnpublishedEvent } from '@teamflow/contracts/events';
import { directDatabaseUrl } from '@teamflow/config/env';
import type { Tx } from '@teamflow/db/client';
import type { CoreDeps } from '../platform/context';
import { pollingLoop } from '../platform/polling-loop';
import { stageEventConsumers } from './event-consumers';
import { stageSlackNotifications } from '../integrations/slack/stage-slack-notifications';
import { stageWebhookDeliveries } from '../webhooks/stage-webhook-deliveries';
import { listenForOutbox, type OutboxListener } from './outbox-listener';
import { appendToStream, newestBatch, type StreamedEvent } from './event-stream';
import {
  lockPending,
  lockPendingByIds,
  markPublished,
  reserveSeqs,
  startRelayPass,
  type PendingEvent,
} from './outbox.repository';

export interface OutboxRelay {
  /** One pass: publishes up to one batch. Returns how many events went out (0 when idle or not the leader). */
  runOnce(): Promise<number>;
  start(): void;
  /** Resolves once the NOTIFY listener (if any) has made its first attempt to LISTEN. */
  listening(): Promise<void>;
  /** Finishes the pass under way, then stops. */
  stop(): Promise<void>;
  /**
   * A write in this process has just committed outbox rows without a NOTIFY: a pass runs at once,
   * and while another relay holds the lock it tries again every few ms until it has had a pass of
   * its own (the holder's pass may have begun before the commit), so nothing waits for the poll.
   */
  committed(): void;
}

export interface RelayOptions {
  batchSize?: number;
  /** Poll interval when idle. With `listen` it is only the fallback (listener down, missed wake). */
  idleMs?: number;
  maxBackoffMs?: number;
  /** LISTEN for the outbox NOTIFY on a dedicated connection and run a pass at once on each. */
  listen?: boolean;
}

// Personal events go to one user's room, not the workspace's: they take no workspace seq (they
// carry seq 0), so members never see a gap in the sequence they follow.
const isPersonal = (row: PendingEvent) => isPersonalEvent(row.payload.type);

// After a local commit, how soon a relay that found the lock taken tries again. A pass holds the
// lock for a few ms (one batch: a few statements and one Redis append).
const BUSY_RETRY_MS = 10;

const sequenced = (payload: UnpublishedEvent, seq: number): ServerEvent => ({ ...payload, seq });

function withSeqs(pending: PendingEvent[], firstSeq: Map<string, number>): StreamedEvent[] {
  return pending.map((row) => {
    if (isPersonal(row))
      return { id: row.id, event: sequenced(row.payload, 0), projectId: null, taskId: null };
    const seq = firstSeq.get(row.workspaceId)!;
    firstSeq.set(row.workspaceId, seq + 1);
    return { id: row.id, event: sequenced(row.payload, seq), projectId: row.projectId, taskId: row.taskId };
  });
}

/**
 * The batch of a pass that appended to the stream and then died before its commit (its
 * transaction rolled back, the stream entry stayed): clients have seen its events with their seqs,
 * so its rows, still unpublished, must go out first and take exactly those seqs again. Only looked
 * for when a pass number between the last committed one and this one was taken.
 */
async function unfinishedBatch(deps: CoreDeps, tx: Tx, pass: number, lastCommitted: number) {
  if (pass === lastCommitted + 1) return null;
  const newest = await newestBatch(deps.redis);
  if (!newest || newest.pass <= lastCommitted || newest.pass >= pass) return null;
  const ids = newest.batch.flatMap((item) => (item.id === undefined ? [] : [item.id]));
  const rows = await lockPendingByIds(tx, ids);
  if (rows.length === 0) return null;
  return { rows, seqs: new Map(newest.batch.map((item) => [item.id, item.event.seq])) };
}

/**
 * Publishes committed outbox rows to the event stream in id order. Under a transaction-scoped
 * advisory lock (one relay at a time across instances) it locks a batch, hands out per-workspace
 * seqs, appends the batch to Redis as one entry, and only then stamps published_at and commits.
 * If Redis is down the append fails, the transaction rolls back (seqs too) and the rows wait. If
 * the pass dies after the append, the next pass publishes that entry's rows first with the same
 * seqs and does not append them again (see `unfinishedBatch`), so a seq a client has seen always
 * names the same event, and no event reaches a client twice.
 */
export function createOutboxRelay(deps: CoreDeps, options: RelayOptions = {}): OutboxRelay {
  const batchSize = options.batchSize ?? 100;
  const idleMs = options.idleMs ?? 100;
  const maxBackoffMs = options.maxBackoffMs ?? 2000;

  /** One pass; null when another relay held the lock. */
  async function pass(): Promise<number | null> {
    return deps.db.transaction(async (tx) => {
      const relayPass = await startRelayPass(tx);
      if (!relayPass) return null;
      const { pass: passNumber, lastCommitted } = relayPass;
      if (passNumber === null) return 0;
      const unfinished = await unfinishedBatch(deps, tx, passNumber, lastCommitted);
      const again = new Set(unfinished?.rows.map((row) => row.id));
      const pending = [
        ...(unfinished?.rows ?? []),
        ...(await lockPending(tx, batchSize)).filter((row) => !again.has(row.id)),
      ];
      if (pending.length === 0) return 0;
      const counts = new Map<string, number>();
      for (const row of pending.filter((r) => !isPersonal(r)))
        counts.set(row.workspaceId, (counts.get(row.workspaceId) ?? 0) + 1);
      const firstSeq = new Map<string, number>();
      for (const [workspaceId, count] of counts)
        firstSeq.set(workspaceId, await reserveSeqs(tx, workspaceId, count));
      const batch = withSeqs(pending, firstSeq);
      let toAppend = batch;
      if (unfinished) {
        // The seqs counters rolled back with the dead pass and no pass committed since, so its rows,
        // first in this batch, take the same seqs again; anything else would be a bug worth hearing of.
        const moved = batch.filter(
          (b) => unfinished.seqs.has(b.id) && unfinished.seqs.get(b.id) !== b.event.seq,
        );
        deps.logger.warn('outbox relay: published the batch of a pass that died after appending it', {
          events: unfinished.rows.length,
          seqsChanged: moved.length,
        });
        // Its entry is in the stream with those very seqs, so readers have it: appending it again
        // would only repeat it (and a personal event has no seq for a client to drop a repeat by).
        if (moved.length === 0) toAppend = batch.filter((b) => !unfinished.seqs.has(b.id));
      }
      // Outgoing webhooks and Slack hear what the stream hears, committed with it (never twice, never lost).
      const published = batch.map((b) => b.event);
      await stageWebhookDeliveries(tx, published);
      await stageSlackNotifications(tx, published, deps.env.WEB_ORIGIN);
      if (toAppend.length > 0) await appendToStream(deps.redis, toAppend, passNumber);
      await markPublished(
        tx,
        passNumber,
        pending.map((row, i) => ({ id: row.id, seq: isPersonal(row) ? null : batch[i]!.event.seq })),
      );
      await stageEventConsumers(
        tx,
        pending.map((row) => ({ workspaceId: row.workspaceId, type: row.payload.type })),
      );
      return pending.length;
    });
  }

  const runOnce = async () => (await pass()) ?? 0;

  // A commit here that no pass has taken the lock for since: its rows may not have been seen yet.
  let unseenCommit = false;
  let retry: NodeJS.Timeout | undefined;
  async function loopPass(): Promise<number> {
    const forCommit = unseenCommit;
    unseenCommit = false;
    const done = await pass();
    if (done === null && forCommit) {
      unseenCommit = true;
      if (!retry) {
        retry = setTimeout(() => {
          retry = undefined;
          loop.wake();
        }, BUSY_RETRY_MS);
        retry.unref();
      }
    }
    return done ?? 0;
  }

  const loop = pollingLoop('outbox relay', loopPass, {
    batchSize,
    idleMs,
    maxBackoffMs,
    logger: deps.logger,
  });
  let listener: OutboxListener | undefined;
  return {
    runOnce,
    committed() {
      unseenCommit = true;
      loop.wake();
    },
    start() {
      loop.start();
      if (options.listen && !listener)
        listener = listenForOutbox(directDatabaseUrl(deps.env), loop.wake, deps.logger);
    },
    listening: () => listener?.ready ?? Promise.resolve(),
    async stop() {
      await listener?.stop();
      listener = undefined;
      if (retry) clearTimeout(retry);
      retry = undefined;
      await loop.stop();
    },
  };
}
