import type { Request, Response } from 'express';
import type { Env } from '@teamflow/config/env';
import { REFRESH_COOKIE, REFRESH_COOKIE_PATH } from '@teamflow/contracts/auth';

const attributes = (env: Env) =>
  ({
    httpOnly: true,
    sameSite: 'strict',
    secure: env.NODE_ENV === 'production',
    path: REFRESH_COOKIE_PATH,
  }) as const;

/** The refresh token's one home: HttpOnly, SameSite=Strict, only sent to the auth routes. */
export function setRefreshCookie(res: Response, env: Env, token: string, expires: Date): void {
  res.cookie(REFRESH_COOKIE, token, { ...attributes(env), expires });
}

// Cleared with the attributes it was set with: every `tf_refresh` header says HttpOnly, Strict.
export function clearRefreshCookie(res: Response, env: Env): void {
  res.clearCookie(REFRESH_COOKIE, attributes(env));
}

export function readRefreshCookie(req: Request): string | undefined {
  return readCookie(req, REFRESH_COOKIE);
}

export function readCookie(req: Request, name: string): string | undefined {
  const cookies: unknown = req.cookies;
  return typeof cookies === 'object' && cookies !== null
    ? (cookies as Record<string, string | undefined>)[name]
    : undefined;
}
