// Links carry secrets: /invite/<token>, and ?token= on the reset-password and verify-email pages.
// A URL leaves for Sentry as its origin and path only, with the invitation token masked.
const INVITE_TOKEN = /^(\/invite\/)[^/]+/;

/** A page URL or path as it may be reported: no query, no fragment, no invitation token. */
export function reportableUrl(url: string): string {
  const absolute = /^[a-z][a-z0-9+.-]*:/i.test(url);
  const parsed = new URL(url, 'http://path.invalid');
  const path = parsed.pathname.replace(INVITE_TOKEN, '$1[token]');
  return absolute ? `${parsed.origin}${path}` : path;
}
