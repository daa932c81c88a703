import type { Env } from '@teamflow/config/env';
import * as oidc from 'openid-client';

/** The path the issuer sends the browser back to (registered with the issuer as the redirect URI). */
export const GOOGLE_CALLBACK_PATH = '/api/v1/auth/google/callback';

export function isGoogleSignInConfigured(env: Env): boolean {
  return Boolean(env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET);
}

export function googleCallbackUrl(env: Env): string {
  return `${env.API_URL.replace(/\/+$/, '')}${GOOGLE_CALLBACK_PATH}`;
}

// One discovery per process and issuer (its metadata and signing keys are cached by the client);
// a failed discovery is forgotten so the next sign-in tries again.
const configurations = new Map<string, Promise<oidc.Configuration>>();

/** The issuer's OpenID configuration, discovered from `GOOGLE_ISSUER`. */
export function googleOidcConfiguration(env: Env): Promise<oidc.Configuration> {
  const { GOOGLE_ISSUER: issuer, GOOGLE_CLIENT_ID: clientId, GOOGLE_CLIENT_SECRET: secret } = env;
  const key = `${issuer} ${clientId}`;
  let configuration = configurations.get(key);
  if (!configuration) {
    configuration = discover(new URL(issuer), clientId!, secret!);
    configurations.set(key, configuration);
    configuration.catch(() => configurations.delete(key));
  }
  return configuration;
}

function discover(issuer: URL, clientId: string, secret: string): Promise<oidc.Configuration> {
  // Plain HTTP only for an issuer on this machine (a local provider in tests and development).
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
  const insecure = issuer.protocol === 'http:' && loopback;
  return oidc.discovery(issuer, clientId, secret, undefined, {
    execute: [
      ...(insecure ? [oidc.allowInsecureRequests] : []),
      // The ID token's signature is checked against the issuer's JWKS, not only trusted from TLS.
      oidc.enableNonRepudiationChecks,
    ],
    // Also the limit for every later call (token, JWKS): a stalled issuer fails the sign-in, not the api.
    timeout: 10,
  });
}
