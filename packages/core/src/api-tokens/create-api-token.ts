import { randomBytes } from 'node:crypto';
import { API_TOKEN_PREFIX, type ApiTokenCreate, type ApiTokenCreated } from '@teamflow/contracts/api-tokens';
import { hashToken } from '../auth/tokens';
import type { CoreDeps, Ctx } from '../platform/context';
import { invalid } from '../platform/errors';
import { toApiToken } from './api-token.mapper';
import { insertApiToken } from './api-tokens.repository';

const TEN_YEARS_MS = 10 * 365 * 24 * 3600 * 1000;

/** A personal token: `tf_pat_` + 32 random bytes (base64url); stored as its SHA-256 only. */
export async function createApiToken(
  deps: CoreDeps,
  ctx: Ctx,
  input: ApiTokenCreate,
): Promise<ApiTokenCreated> {
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt.getTime() <= Date.now())
    throw invalid([{ field: 'expiresAt', message: 'Must be in the future' }]);
  if (expiresAt && expiresAt.getTime() > Date.now() + TEN_YEARS_MS)
    throw invalid([{ field: 'expiresAt', message: 'At most ten years ahead' }]);
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const row = await insertApiToken(deps.db, {
    userId: ctx.actor.id,
    name: input.name,
    scope: input.scope,
    tokenHash: hashToken(token),
    prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
    expiresAt,
  });
  return { ...toApiToken(row), token };
}
