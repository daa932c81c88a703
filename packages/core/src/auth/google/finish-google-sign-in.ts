import { Email, PersonName } from '@teamflow/contracts/users';
import * as oidc from 'openid-client';
import type { CoreDeps } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { issueSession, type IssuedSession } from '../session';
import { toUser } from '../user.mapper';
import { googleCallbackUrl, googleOidcConfiguration, isGoogleSignInConfigured } from './google-client';
import { takeGoogleSignInFlow } from './google-sign-in-flow';
import { GoogleSignInError } from './google-sign-in.errors';
import { resolveGoogleUser, type VerifiedIdentity } from './resolve-google-user';

export interface FinishedGoogleSignIn {
  session: IssuedSession;
  next?: string;
}

/**
 * The issuer's redirect back: the state must be the one this browser's cookie holds (and still
 * pending: a flow is spent once), the code is exchanged with the PKCE verifier, and the ID token's
 * signature (the issuer's JWKS), issuer, audience, expiry and nonce are checked before anyone is
 * signed in. Every way this can fail is a GoogleSignInError with a reason the sign-in page words.
 */
export async function finishGoogleSignIn(
  deps: CoreDeps,
  callback: { query: URLSearchParams; browserState: string | undefined },
): Promise<FinishedGoogleSignIn> {
  if (!isGoogleSignInConfigured(deps.env)) throw notFound('Google sign-in');
  const { query, browserState } = callback;
  const flow = browserState ? await takeGoogleSignInFlow(deps.redis, browserState) : undefined;
  if (!flow || query.get('state') !== browserState)
    throw new GoogleSignInError('expired', 'The state does not match a sign-in this browser started');

  const configuration = await googleOidcConfiguration(deps.env);
  const currentUrl = new URL(googleCallbackUrl(deps.env));
  currentUrl.search = query.toString();
  let tokens;
  try {
    tokens = await oidc.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: flow.codeVerifier,
      expectedState: browserState,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    throw asSignInError(error);
  }
  const identity = verifiedIdentity(configuration, tokens.claims());
  const user = await resolveGoogleUser(deps, identity);
  return { session: await issueSession(deps, toUser(user), false), next: flow.next };
}

function asSignInError(error: unknown): GoogleSignInError {
  if (error instanceof oidc.AuthorizationResponseError)
    return new GoogleSignInError(
      error.error === 'access_denied' ? 'access_denied' : 'failed',
      `The issuer answered ${error.error}`,
    );
  // A code already redeemed, or a verifier that is not the one its challenge was made from.
  if (error instanceof oidc.ResponseBodyError && error.error === 'invalid_grant')
    return new GoogleSignInError(
      'expired',
      `The issuer refused the code: ${error.error_description ?? error.error}`,
    );
  if (error instanceof oidc.ClientError && error.code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED')
    return new GoogleSignInError(
      'expired',
      `The ID token does not match this sign-in: ${nestedMessage(error)}`,
    );
  return new GoogleSignInError('failed', `The code exchange failed: ${nestedMessage(error)}`);
}

function nestedMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
}

function verifiedIdentity(
  configuration: oidc.Configuration,
  claims: oidc.IDToken | undefined,
): VerifiedIdentity {
  const email = Email.safeParse(claims?.email);
  if (!claims || !email.success)
    throw new GoogleSignInError('failed', 'The ID token carries no usable email address');
  const text = (claim: unknown) => (typeof claim === 'string' ? claim : '');
  const fullName = text(claims.name) || [text(claims.given_name), text(claims.family_name)].join(' ');
  const named = PersonName.safeParse(fullName.trim().slice(0, 100));
  return {
    issuer: configuration.serverMetadata().issuer,
    subject: claims.sub,
    email: email.data,
    // Only a literal `true` counts: a missing claim is not a verification.
    emailVerified: claims.email_verified === true,
    name: named.success ? named.data : email.data.split('@')[0]!,
  };
}
