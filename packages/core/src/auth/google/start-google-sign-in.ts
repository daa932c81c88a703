import type { GoogleSignInStart } from '@teamflow/contracts/auth';
import * as oidc from 'openid-client';
import type { CoreDeps } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { googleCallbackUrl, googleOidcConfiguration, isGoogleSignInConfigured } from './google-client';
import { saveGoogleSignInFlow } from './google-sign-in-flow';

export interface StartedGoogleSignIn {
  /** The issuer's authorization endpoint with state, nonce and the S256 PKCE challenge. */
  authorizationUrl: string;
  /** Bound to the browser (a cookie) so the callback can tell its own round trip from a forged one. */
  state: string;
}

/** Begins "Continue with Google": a fresh state, nonce and PKCE verifier, kept server-side. */
export async function startGoogleSignIn(
  deps: CoreDeps,
  input: GoogleSignInStart,
): Promise<StartedGoogleSignIn> {
  if (!isGoogleSignInConfigured(deps.env)) throw notFound('Google sign-in');
  const configuration = await googleOidcConfiguration(deps.env);
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const url = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: googleCallbackUrl(deps.env),
    scope: 'openid email profile',
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  await saveGoogleSignInFlow(deps.redis, state, { nonce, codeVerifier, next: input.next });
  return { authorizationUrl: url.href, state };
}
