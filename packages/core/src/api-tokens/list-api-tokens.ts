import type { ApiTokenList } from '@teamflow/contracts/api-tokens';
import type { CoreDeps, Ctx } from '../platform/context';
import { toApiToken } from './api-token.mapper';
import { listApiTokenRows } from './api-tokens.repository';

export async function listApiTokens(deps: CoreDeps, ctx: Ctx): Promise<ApiTokenList> {
  const rows = await listApiTokenRows(deps.db, ctx.actor.id);
  return { items: rows.map(toApiToken), nextCursor: null };
}
