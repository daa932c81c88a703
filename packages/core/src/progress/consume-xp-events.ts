import type { CoreDeps } from '../platform/context';
import { awardXp } from './award-xp';
import { lockCursor, publishedEventsAfter, saveCursor } from './progress.repository';
import { claimsOf, XP_SOURCE_TYPES } from './xp-sources';

export const XP_CONSUMER = 'xp';

/**
 * progress/xp: reads a workspace's published events past the xp cursor, in seq order, and records
 * what each is worth; the cursor moves in the same transaction as the awards. Two runs at once
 * queue on the cursor's row lock, so the second finds nothing left; an award already recorded
 * (unique per user, source and kind) is skipped, so replaying the stream pays nothing twice.
 */
export async function consumeXpEvents(
  deps: Pick<CoreDeps, 'db'>,
  workspaceId: string,
  batchSize = 200,
): Promise<{ events: number; awards: number }> {
  const total = { events: 0, awards: 0 };
  for (;;) {
    const pass = await deps.db.transaction(async (tx) => {
      const after = await lockCursor(tx, XP_CONSUMER, workspaceId);
      const events = await publishedEventsAfter(tx, workspaceId, after, XP_SOURCE_TYPES, batchSize);
      let awards = 0;
      for (const event of events) awards += await awardXp(tx, workspaceId, await claimsOf(tx, event));
      const last = events.at(-1);
      if (last) await saveCursor(tx, XP_CONSUMER, workspaceId, last.seq);
      return { events: events.length, awards };
    });
    total.events += pass.events;
    total.awards += pass.awards;
    if (pass.events < batchSize) return total;
  }
}
