import { googleSignInFailureMessage } from '@/modules/auth/google-sign-in-failure';
import { GoogleSignInLink } from '@/modules/auth/components/google-sign-in-link';
import { publicApiUrl } from '@/lib/public-env';
import { queryKeys } from '@/lib/query-keys';
import { aQueryClient } from './builders';
import { render } from './render';

/** Renders the link with what the api said about its sign-in methods already in the cache. */
async function linkWith(google: boolean) {
  const queryClient = aQueryClient();
  queryClient.setQueryData(queryKeys.signInMethods, { password: true, google });
  return render(<GoogleSignInLink nextPath="/w/abc?view=list" />, queryClient);
}

describe('Continue with Google', () => {
  it('links to the api’s Google sign-in, carrying where to land afterwards, when the api offers it', async () => {
    const { container, unmount } = await linkWith(true);
    const link = [...container.querySelectorAll('a')].find((a) => a.textContent === 'Continue with Google');
    expect(link?.getAttribute('href')).toBe(
      `${publicApiUrl}/api/v1/auth/google?next=${encodeURIComponent('/w/abc?view=list')}`,
    );
    await unmount();
  });

  it('is not shown when the api has no Google sign-in configured', async () => {
    const { container, unmount } = await linkWith(false);
    expect(container.textContent).not.toContain('Google');
    await unmount();
  });
});

describe('a Google sign-in that came back to the sign-in page', () => {
  it('words each reason the api sends', () => {
    expect(googleSignInFailureMessage('unverified_email')).toMatch(/has not verified the email address/);
    expect(googleSignInFailureMessage('access_denied')).toMatch(/cancelled/);
    expect(googleSignInFailureMessage('expired')).toMatch(/try again/);
  });

  it('shows nothing without a reason, and a general sentence for one it does not know (never the raw text)', () => {
    expect(googleSignInFailureMessage(null)).toBeUndefined();
    expect(googleSignInFailureMessage('Call 555-0100 to restore your account')).toBe(
      googleSignInFailureMessage('failed'),
    );
  });
});
