import { z } from 'zod';
import type { ApiTokenList } from '@teamflow/contracts/api-tokens';
import type { PageQuery } from '@teamflow/contracts/common';
import type { CoreDeps, Ctx } from '../platform/context';
import { decodeCursor, keysetPage } from '../platform/cursor';
import { toApiToken } from './api-token.mapper';
import { listApiTokenRows } from './api-tokens.repository';

// The list's name leads the tuple, so a cursor from another (createdAt, id) list is refused, not misread.
const Cursor = z.tuple([z.literal('api-tokens'), z.iso.datetime({ offset: true }), z.uuid()]);

/** The caller's tokens still in force, newest first, keyset-paginated by (createdAt, id). */
export async function listApiTokens(deps: CoreDeps, ctx: Ctx, query: PageQuery): Promise<ApiTokenList> {
  const before = query.cursor ? decodeCursor(query.cursor, Cursor) : undefined;
  const rows = await listApiTokenRows(deps.db, ctx.actor.id, {
    limit: query.limit + 1,
    before: before && { createdAt: before[1], id: before[2] },
  });
  const { page, nextCursor } = keysetPage(rows, query.limit, (last) => [
    'api-tokens',
    last.cursorAt,
    last.id,
  ]);
  return { items: page.map(toApiToken), nextCursor };
}
