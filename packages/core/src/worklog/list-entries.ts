import { z } from 'zod';
import type { WorklogEntryListQuery, WorklogEntryPage } from '@teamflow/contracts/worklog';
import type { CoreDeps, Ctx } from '../platform/context';
import { decodeCursor, keysetPage } from '../platform/cursor';
import { toWorklogEntry } from './worklog.mapper';
import { listEntries as listEntryRows } from './worklog.repository';

/** The caller's entries, newest day first, filtered by range, words (`q`) and tag. */
export async function listEntries(
  deps: CoreDeps,
  ctx: Ctx,
  query: WorklogEntryListQuery,
): Promise<WorklogEntryPage> {
  const after = query.cursor ? decodeCursor(query.cursor, z.tuple([z.iso.date(), z.uuid()])) : undefined;
  const rows = await listEntryRows(deps.db, ctx.actor.id, {
    from: query.from,
    to: query.to,
    q: query.q,
    tag: query.tag,
    limit: query.limit + 1,
    after: after && { date: after[0], id: after[1] },
  });
  const { page, nextCursor } = keysetPage(rows, query.limit, (last) => [last.entry.date, last.entry.id]);
  return {
    items: page.map(toWorklogEntry),
    nextCursor,
  };
}
