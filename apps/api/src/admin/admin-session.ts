import type { Response } from 'express';
import type { ApiDeps } from '../deps';

/**
 * Carries the platform admin's access token to Bull Board on plain browser navigation. HttpOnly,
 * SameSite=Strict and scoped to `/admin`, it lives no longer than the token inside it, and logout
 * revokes that token (deny-list), so the cookie dies with the session.
 */
export const ADMIN_COOKIE = 'tf_admin';
const ADMIN_COOKIE_PATH = '/admin';

export function setAdminCookie(
  deps: ApiDeps,
  res: Response,
  accessToken: string,
  expiresAtSeconds: number,
): void {
  res.cookie(ADMIN_COOKIE, accessToken, {
    httpOnly: true,
    sameSite: 'strict',
    secure: deps.env.NODE_ENV === 'production',
    path: ADMIN_COOKIE_PATH,
    expires: new Date(expiresAtSeconds * 1000),
  });
}
