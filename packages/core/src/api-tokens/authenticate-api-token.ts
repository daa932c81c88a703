import { API_TOKEN_PREFIX, type ApiTokenScope } from '@teamflow/contracts/api-tokens';
import { hashToken } from '../auth/tokens';
import type { CoreDeps } from '../platform/context';
import { unauthorized } from '../platform/errors';
import { findLiveApiToken, touchApiToken } from './api-tokens.repository';

export const isApiToken = (token: string) => token.startsWith(API_TOKEN_PREFIX);

/** The user and scope behind a personal token; unknown, revoked or expired → 401. */
export async function authenticateApiToken(
  deps: Pick<CoreDeps, 'db'>,
  token: string,
): Promise<{ userId: string; tokenId: string; scope: ApiTokenScope; exp: number }> {
  const row = await findLiveApiToken(deps.db, hashToken(token));
  if (!row) throw unauthorized('Invalid, revoked or expired API token');
  await touchApiToken(deps.db, row.id);
  return {
    userId: row.userId,
    tokenId: row.id,
    scope: row.scope,
    exp: row.expiresAt ? Math.floor(row.expiresAt.getTime() / 1000) : Number.MAX_SAFE_INTEGER,
  };
}
