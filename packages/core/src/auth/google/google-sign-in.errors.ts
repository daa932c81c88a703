import type { GoogleSignInFailure } from '@teamflow/contracts/auth';

/**
 * A Google sign-in that ends on the sign-in page rather than in an error body: the browser is
 * mid-redirect, so the api sends it back to the web with this reason (`/login?signInError=…`).
 */
export class GoogleSignInError extends Error {
  override name = 'GoogleSignInError';
  constructor(
    readonly reason: GoogleSignInFailure,
    message: string,
  ) {
    super(message);
  }
}
