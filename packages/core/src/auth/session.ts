import { randomUUID } from 'node:crypto';
import type { User } from '@teamflow/contracts/users';
import type { DbOrTx } from '@teamflow/db/client';
import type { CoreDeps } from '../platform/context';
import { insertRefreshToken } from './auth.repository';
import { hashToken, newOpaqueToken, signAccessToken } from './tokens';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface IssuedSession {
  user: User;
  accessToken: string;
  refreshToken: string;
  refreshExpiresAt: Date;
}

export interface RefreshGrant {
  token: string;
  expiresAt: Date;
}

/** Stores a new refresh token (in `familyId`, or a fresh family) and returns its clear value. */
export async function issueRefreshToken(
  db: DbOrTx,
  userId: string,
  rememberMe: boolean,
  familyId: string = randomUUID(),
): Promise<RefreshGrant & { id: string }> {
  const token = newOpaqueToken();
  const expiresAt = new Date(Date.now() + (rememberMe ? 30 : 7) * DAY_MS);
  const row = await insertRefreshToken(db, {
    userId,
    familyId,
    tokenHash: hashToken(token),
    rememberMe,
    expiresAt,
  });
  return { id: row.id, token, expiresAt };
}

export async function issueSession(deps: CoreDeps, user: User, rememberMe: boolean): Promise<IssuedSession> {
  const refresh = await issueRefreshToken(deps.db, user.id, rememberMe);
  return {
    user,
    accessToken: signAccessToken(user.id, deps.env.JWT_ACCESS_SECRET),
    refreshToken: refresh.token,
    refreshExpiresAt: refresh.expiresAt,
  };
}
