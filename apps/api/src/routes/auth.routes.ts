import type { Response, Router } from 'express';
import {
  AccessTokenResponse,
  AuthSession,
  Login,
  MeResponse,
  REFRESH_COOKIE,
  REFRESH_COOKIE_PATH,
  Register,
} from '@teamflow/contracts/auth';
import { ErrorResponse } from '@teamflow/contracts/common';
import { login } from '@teamflow/core/auth/login';
import { logout } from '@teamflow/core/auth/logout';
import { refreshSession } from '@teamflow/core/auth/refresh';
import { register } from '@teamflow/core/auth/register';
import { verifyAccessToken } from '@teamflow/core/auth/tokens';
import type { ApiDeps } from '../deps';
import { bearerToken } from '../http/authenticate';
import { PUBLIC, USER, type RouteTable } from '../http/route-table';

export function authRoutes(table: RouteTable, router: Router, base: string, deps: ApiDeps): void {
  const setRefreshCookie = (res: Response, token: string, expires: Date) =>
    res.cookie(REFRESH_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: deps.env.NODE_ENV === 'production',
      path: REFRESH_COOKIE_PATH,
      expires,
    });
  const refreshCookie = (cookies: unknown): string | undefined =>
    typeof cookies === 'object' && cookies !== null
      ? (cookies as Record<string, string | undefined>)[REFRESH_COOKIE]
      : undefined;

  table.add(router, base, {
    method: 'post',
    path: '/auth/register',
    summary: 'Create an account and sign in',
    tag: 'Auth',
    access: PUBLIC,
    rateLimit: 'auth',
    body: Register,
    responses: { 201: AuthSession, 400: ErrorResponse, 409: ErrorResponse, 429: ErrorResponse },
    handler: async ({ body, res }) => {
      const session = await register(deps, body);
      setRefreshCookie(res, session.refreshToken, session.refreshExpiresAt);
      return { user: session.user, accessToken: session.accessToken };
    },
  });

  table.add(router, base, {
    method: 'post',
    path: '/auth/login',
    summary: 'Sign in with email and password',
    tag: 'Auth',
    access: PUBLIC,
    rateLimit: 'auth',
    body: Login,
    responses: {
      200: AuthSession,
      400: ErrorResponse,
      401: ErrorResponse,
      423: ErrorResponse,
      429: ErrorResponse,
    },
    handler: async ({ body, res }) => {
      const session = await login(deps, body);
      setRefreshCookie(res, session.refreshToken, session.refreshExpiresAt);
      return { user: session.user, accessToken: session.accessToken };
    },
  });

  table.add(router, base, {
    method: 'post',
    path: '/auth/refresh',
    summary: 'Rotate the refresh cookie and get a new access token',
    tag: 'Auth',
    access: PUBLIC,
    rateLimit: 'auth',
    responses: { 200: AccessTokenResponse, 401: ErrorResponse, 429: ErrorResponse },
    handler: async ({ req, res }) => {
      try {
        const { accessToken, refresh } = await refreshSession(deps, refreshCookie(req.cookies));
        setRefreshCookie(res, refresh.token, refresh.expiresAt);
        return { accessToken };
      } catch (error) {
        res.clearCookie(REFRESH_COOKIE, { path: REFRESH_COOKIE_PATH });
        throw error;
      }
    },
  });

  table.add(router, base, {
    method: 'post',
    path: '/auth/logout',
    summary: 'Revoke the access token and the refresh session',
    tag: 'Auth',
    access: PUBLIC,
    rateLimit: 'auth',
    responses: { 204: null },
    handler: async ({ req, res }) => {
      // Logout works even with an expired access token: whatever is still valid gets revoked.
      const token = bearerToken(req);
      let access;
      try {
        access = token ? verifyAccessToken(token, deps.env.JWT_ACCESS_SECRET) : undefined;
      } catch {
        access = undefined;
      }
      await logout(deps, { access, refreshToken: refreshCookie(req.cookies) });
      res.clearCookie(REFRESH_COOKIE, { path: REFRESH_COOKIE_PATH });
      return undefined;
    },
  });

  table.add(router, base, {
    method: 'get',
    path: '/auth/me',
    summary: 'The signed-in user',
    tag: 'Auth',
    access: USER,
    responses: { 200: MeResponse, 401: ErrorResponse },
    handler: ({ user }) => Promise.resolve({ user }),
  });
}
