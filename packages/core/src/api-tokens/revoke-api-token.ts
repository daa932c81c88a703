import type { CoreDeps, Ctx } from '../platform/context';
import { notFound } from '../platform/errors';
import { renewAccessStamps } from '../workspaces/access-stamp';
import { revokeApiTokenRow } from './api-tokens.repository';

/** Someone else's token is a 404, like a missing one. A revoked token answers 401 from then on. */
export async function revokeApiToken(deps: CoreDeps, ctx: Ctx, tokenId: string): Promise<void> {
  if (!(await revokeApiTokenRow(deps.db, ctx.actor.id, tokenId))) throw notFound('API token');
  await renewAccessStamps(deps.redis, [ctx.actor.id]);
}
