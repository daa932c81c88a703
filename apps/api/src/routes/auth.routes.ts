import type { Router } from 'express';
import {
  AccessTokenResponse,
  AuthSession,
  ChangePassword,
  ForgotPassword,
  Login,
  MeResponse,
  Register,
  ResetPassword,
  SignInMethods,
  UpdateProfile,
  VerifyEmail,
} from '@teamflow/contracts/auth';
import { ErrorResponse } from '@teamflow/contracts/common';
import { changePassword } from '@teamflow/core/auth/change-password';
import { forgotPassword } from '@teamflow/core/auth/forgot-password';
import { login } from '@teamflow/core/auth/login';
import { logout } from '@teamflow/core/auth/logout';
import { refreshSession } from '@teamflow/core/auth/refresh';
import { register } from '@teamflow/core/auth/register';
import { resetPassword } from '@teamflow/core/auth/reset-password';
import { requestEmailVerification } from '@teamflow/core/auth/request-email-verification';
import { verifyEmail } from '@teamflow/core/auth/verify-email';
import { verifyAccessToken } from '@teamflow/core/auth/tokens';
import { isPlatformAdmin } from '@teamflow/core/platform/platform-admin';
import { updateProfile } from '@teamflow/core/auth/update-profile';
import { isGoogleSignInConfigured } from '@teamflow/core/auth/google/google-client';
import type { ApiDeps } from '../deps';
import { bearerToken } from '../http/authenticate';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from '../http/refresh-cookie';
import { PUBLIC, USER, type RouteTable } from '../http/route-table';

export function authRoutes(table: RouteTable, router: Router, base: string, deps: ApiDeps): void {
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
      setRefreshCookie(res, deps.env, session.refreshToken, session.refreshExpiresAt);
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
      setRefreshCookie(res, deps.env, session.refreshToken, session.refreshExpiresAt);
      return { user: session.user, accessToken: session.accessToken };
    },
  });

  table.add(router, base, {
    method: 'post',
    path: '/auth/refresh',
    summary: 'Rotate the refresh cookie and get a new access token',
    tag: 'Auth',
    access: PUBLIC,
    // Not the sign-in limit: every page load and every open tab refreshes, and a team behind one
    // address would sign each other out at ten loads a minute. A refresh token cannot be guessed;
    // the per-address limit of any anonymous request is enough.
    rateLimit: 'default',
    responses: { 200: AccessTokenResponse, 401: ErrorResponse, 429: ErrorResponse },
    handler: async ({ req, res }) => {
      try {
        const { accessToken, refresh } = await refreshSession(deps, readRefreshCookie(req));
        setRefreshCookie(res, deps.env, refresh.token, refresh.expiresAt);
        return { accessToken };
      } catch (error) {
        clearRefreshCookie(res, deps.env);
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
    // Like the refresh: nothing to guess here, so not the sign-in limit.
    rateLimit: 'default',
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
      const { userId } = await logout(deps, { access, refreshToken: readRefreshCookie(req) });
      // Their live sockets go at once (every instance); other sessions' clients reconnect after a refresh.
      if (userId) deps.realtime?.signedOut(userId);
      clearRefreshCookie(res, deps.env);
      return undefined;
    },
  });

  table.add(router, base, {
    method: 'get',
    path: '/auth/sign-in-methods',
    summary: 'The ways to sign in this deployment offers (the sign-in page shows only these)',
    tag: 'Auth',
    access: PUBLIC,
    responses: { 200: SignInMethods, 429: ErrorResponse },
    handler: () => Promise.resolve({ password: true as const, google: isGoogleSignInConfigured(deps.env) }),
  });

  table.add(router, base, {
    method: 'get',
    path: '/auth/me',
    summary: 'The signed-in user',
    tag: 'Auth',
    access: USER,
    responses: { 200: MeResponse, 401: ErrorResponse },
    handler: ({ user }) => Promise.resolve({ user, platformAdmin: isPlatformAdmin(deps.env, user.email) }),
  });

  table.add(router, base, {
    method: 'post',
    path: '/auth/forgot-password',
    summary: 'Email a one-time password-reset link (same answer whether or not the account exists)',
    tag: 'Auth',
    access: PUBLIC,
    rateLimit: 'auth',
    body: ForgotPassword,
    responses: { 202: null, 400: ErrorResponse, 429: ErrorResponse },
    handler: async ({ body }) => {
      await forgotPassword(deps, body);
      return undefined;
    },
  });

  table.add(router, base, {
    method: 'post',
    path: '/auth/reset-password',
    summary: 'Set a new password with a reset token; signs out every session',
    tag: 'Auth',
    access: PUBLIC,
    rateLimit: 'auth',
    body: ResetPassword,
    responses: { 204: null, 400: ErrorResponse, 429: ErrorResponse },
    handler: async ({ body }) => {
      await resetPassword(deps, body);
      return undefined;
    },
  });

  table.add(router, base, {
    method: 'post',
    path: '/auth/verify-email',
    summary: 'Confirm the email address with a verification token',
    tag: 'Auth',
    access: PUBLIC,
    rateLimit: 'auth',
    body: VerifyEmail,
    responses: { 204: null, 400: ErrorResponse, 429: ErrorResponse },
    handler: async ({ body }) => {
      await verifyEmail(deps, body);
      return undefined;
    },
  });

  table.add(router, base, {
    method: 'post',
    path: '/auth/verify-email/request',
    summary: 'Send a new verification email to the signed-in user (nothing if already verified)',
    tag: 'Auth',
    access: USER,
    rateLimit: 'auth',
    responses: { 202: null, 401: ErrorResponse, 429: ErrorResponse },
    handler: async ({ user }) => {
      await requestEmailVerification(deps, user.id);
      return undefined;
    },
  });

  table.add(router, base, {
    method: 'patch',
    path: '/auth/me',
    summary: 'Change the signed-in user’s display name',
    tag: 'Auth',
    access: USER,
    body: UpdateProfile,
    responses: { 200: MeResponse, 400: ErrorResponse, 401: ErrorResponse },
    handler: async ({ user, body }) => ({
      user: await updateProfile(deps, user.id, body),
      platformAdmin: isPlatformAdmin(deps.env, user.email),
    }),
  });

  table.add(router, base, {
    method: 'post',
    path: '/auth/change-password',
    summary: 'Change the password (checks the current one); signs out every other session',
    tag: 'Auth',
    access: USER,
    rateLimit: 'auth',
    body: ChangePassword,
    responses: { 204: null, 400: ErrorResponse, 401: ErrorResponse, 429: ErrorResponse },
    handler: async ({ user, body, req }) => {
      await changePassword(deps, user.id, body, readRefreshCookie(req));
      return undefined;
    },
  });
}
