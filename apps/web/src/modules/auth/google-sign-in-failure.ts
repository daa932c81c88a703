import { GoogleSignInFailure } from '@teamflow/contracts/auth';

const messages: Record<GoogleSignInFailure, string> = {
  access_denied: 'Google sign-in was cancelled. Sign in another way, or try again.',
  expired:
    'That Google sign-in could not be completed: it took too long or was opened in another browser. Please try again.',
  unverified_email:
    'Google has not verified the email address of that account, so TeamFlow cannot sign you in with it. Verify it with Google, or sign in with your password.',
  account_deleted: 'The TeamFlow account linked to that Google account was deleted.',
  failed: 'Signing in with Google did not work this time. Please try again.',
};

/** The sentence for `/login?signInError=…` (the api's redirect after a failed Google sign-in). */
export function googleSignInFailureMessage(param: string | null): string | undefined {
  if (param === null) return undefined;
  const reason = GoogleSignInFailure.safeParse(param);
  return messages[reason.success ? reason.data : 'failed'];
}
