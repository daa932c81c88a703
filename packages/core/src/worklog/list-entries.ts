import { z } from 'zod';
import type { WorklogEntryListQuery, WorklogEntryPage } from '@teamflow/contracts/worklog';
import type { CoreDeps, Ctx } from '../platform/context';
import { decodeCursor, keysetPage } from '../platform/cursor';
import { toWorklogEntry } from './worklog.mapper';
import { listEntries as listEntryRows } from './worklog.repository';

// The list's name leads the tuple, so a cursor from another (date, created_at, id) list is refused, not misread.
const Cursor = z.tuple([
  z.literal('worklog-entries'),
  z.iso.date(),
  z.iso.datetime({ offset: true }),
  z.uuid(),
]);

/** The caller's entries, newest day first (a day's latest first), filtered by range, words (`q`) and tag. */
export async function listEntries(
  deps: CoreDeps,
  ctx: Ctx,
  query: WorklogEntryListQuery,
): Promise<WorklogEntryPage> {
  const after = query.cursor ? decodeCursor(query.cursor, Cursor) : undefined;
  const rows = await listEntryRows(deps.db, ctx.actor.id, {
    from: query.from,
    to: query.to,
    q: query.q,
    tag: query.tag,
    limit: query.limit + 1,
    after: after && { date: after[1], createdAt: after[2], id: after[3] },
  });
  const { page, nextCursor } = keysetPage(rows, query.limit, (last) => [
    'worklog-entries',
    last.entry.date,
    last.cursorAt,
    last.entry.id,
  ]);
  return {
    items: page.map(toWorklogEntry),
    nextCursor,
  };
}
