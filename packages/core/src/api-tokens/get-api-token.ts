import type { ApiToken } from '@teamflow/contracts/api-tokens';
import type { CoreDeps, Ctx } from '../platform/context';
import { notFound } from '../platform/errors';
import { toApiToken } from './api-token.mapper';
import { findApiTokenRow } from './api-tokens.repository';

/** One of the caller's tokens (never the token itself); someone else's or a revoked one is a 404. */
export async function getApiToken(deps: CoreDeps, ctx: Ctx, tokenId: string): Promise<ApiToken> {
  const row = await findApiTokenRow(deps.db, ctx.actor.id, tokenId);
  if (!row) throw notFound('API token');
  return toApiToken(row);
}
