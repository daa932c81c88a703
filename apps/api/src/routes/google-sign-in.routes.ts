import type { Request, Response, Router } from 'express';
import { GoogleSignInStart, type GoogleSignInFailure } from '@teamflow/contracts/auth';
import { ErrorResponse } from '@teamflow/contracts/common';
import { finishGoogleSignIn } from '@teamflow/core/auth/google/finish-google-sign-in';
import { GOOGLE_FLOW_TTL_SECONDS } from '@teamflow/core/auth/google/google-sign-in-flow';
import { GoogleSignInError } from '@teamflow/core/auth/google/google-sign-in.errors';
import { startGoogleSignIn } from '@teamflow/core/auth/google/start-google-sign-in';
import { AppError } from '@teamflow/core/platform/errors';
import type { ApiDeps } from '../deps';
import { readCookie, setRefreshCookie } from '../http/refresh-cookie';
import { PUBLIC, type RouteTable } from '../http/route-table';

// Binds a sign-in to the browser that started it. Lax, not Strict: it must come back on the
// issuer's cross-site redirect to the callback (a top-level GET, which Lax allows).
const STATE_COOKIE = 'tf_google_state';
const STATE_COOKIE_PATH = '/api/v1/auth/google';

/**
 * "Continue with Google" (any OpenID Connect issuer, `GOOGLE_ISSUER`). Both routes are browser
 * navigations, so they answer with redirects: to the issuer, then back to the web app, signed in
 * (the refresh cookie, as after a password login) or on the sign-in page with a reason. Only
 * "not configured" (404) and the rate limit (429) answer in the error shape.
 */
export function googleSignInRoutes(table: RouteTable, router: Router, base: string, deps: ApiDeps): void {
  const webUrl = (path: string) => `${deps.env.WEB_ORIGIN.replace(/\/+$/, '')}${path}`;
  const backToSignIn = (res: Response, reason: GoogleSignInFailure) =>
    res.redirect(302, webUrl(`/login?signInError=${reason}`));
  const clearStateCookie = (res: Response) => res.clearCookie(STATE_COOKIE, { path: STATE_COOKIE_PATH });

  // A failure mid-redirect cannot be shown as JSON: it is logged and the person lands on sign-in.
  const failedSignIn = (req: Request, res: Response, error: unknown) => {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw error;
    if (error instanceof GoogleSignInError) {
      req.log.warn('google sign-in refused', { reason: error.reason, detail: error.message });
      return backToSignIn(res, error.reason);
    }
    req.log.error('google sign-in failed', { error });
    return backToSignIn(res, 'failed');
  };

  table.add(router, base, {
    method: 'get',
    path: '/auth/google',
    summary: 'Start Google sign-in: redirects to the issuer with state, nonce and PKCE (S256)',
    tag: 'Auth',
    access: PUBLIC,
    rateLimit: 'auth',
    query: GoogleSignInStart,
    responses: { 302: null, 400: ErrorResponse, 404: ErrorResponse, 429: ErrorResponse },
    handler: async ({ query, req, res }) => {
      try {
        const started = await startGoogleSignIn(deps, query);
        res.cookie(STATE_COOKIE, started.state, {
          httpOnly: true,
          sameSite: 'lax',
          secure: deps.env.NODE_ENV === 'production',
          path: STATE_COOKIE_PATH,
          maxAge: GOOGLE_FLOW_TTL_SECONDS * 1000,
        });
        res.redirect(302, started.authorizationUrl);
      } catch (error) {
        failedSignIn(req, res, error);
      }
    },
  });

  table.add(router, base, {
    method: 'get',
    path: '/auth/google/callback',
    summary:
      'Google’s redirect back: signs in (or creates) the user with that verified email and redirects to the web app',
    tag: 'Auth',
    access: PUBLIC,
    rateLimit: 'auth',
    responses: { 302: null, 404: ErrorResponse, 429: ErrorResponse },
    handler: async ({ req, res }) => {
      const browserState = readCookie(req, STATE_COOKIE);
      clearStateCookie(res);
      try {
        const query = new URL(req.originalUrl, 'http://callback.invalid').searchParams;
        const { session, next } = await finishGoogleSignIn(deps, { query, browserState });
        setRefreshCookie(res, deps.env, session.refreshToken, session.refreshExpiresAt);
        // The sign-in page finds the session (the refresh cookie) and goes on to `next`.
        res.redirect(302, webUrl(next ? `/login?next=${encodeURIComponent(next)}` : '/login'));
      } catch (error) {
        failedSignIn(req, res, error);
      }
    },
  });
}
