// The web app's security headers, in one place: the Content-Security-Policy built per request by
// proxy.ts (it carries that request's nonce) and the fixed set next.config.ts puts on every response.

export const CSP_REPORT_PATH = '/api/v1/csp-reports';
/** The `report-to` group name, declared by the Reporting-Endpoints header. */
export const CSP_REPORT_GROUP = 'csp';

export interface CspOptions {
  /** Fresh for each response: the only way an inline or first-party script is allowed to run. */
  nonce: string;
  /** The api's public origin, as the browser reaches it (NEXT_PUBLIC_API_URL). */
  apiUrl: string;
  /** `next dev`: React rebuilds server error stacks in the browser with eval; hot reload injects styles. */
  development: boolean;
  /** SENTRY_DSN when set: the browser sends its error reports to that origin. */
  errorReportingDsn?: string;
}

export function contentSecurityPolicy({ nonce, apiUrl, development, errorReportingDsn }: CspOptions): string {
  const api = new URL(apiUrl);
  const apiSocket = `${api.protocol === 'https:' ? 'wss:' : 'ws:'}//${api.host}`;
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    // Strict CSP: a script runs only if it carries this response's nonce (Next puts it on its own
    // tags and inline payloads; the root layout on the theme script) or was loaded by one that does
    // ('strict-dynamic', which is how Next's chunks load). Browsers that know 'strict-dynamic'
    // ignore 'self'; it is there for older ones, which would otherwise block Next's chunks.
    'script-src': [
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      "'self'",
      ...(development ? ["'unsafe-eval'"] : []),
    ],
    // <style> elements need the nonce too: Tailwind is a same-origin file, and the one library that
    // injects a stylesheet at runtime (Radix's scroll lock, react-remove-scroll) takes the nonce via
    // get-nonce (see style-nonce.tsx). Style *attributes* cannot carry a nonce, and React's
    // server-rendered markup has them (widths, virtual-list offsets, label colours), hence
    // 'unsafe-inline' for attributes only: an attribute cannot hold a selector, so it cannot be used
    // to read the page the way an injected stylesheet can, and loads from it still obey img-src.
    // `next dev` injects un-nonced <style> elements (hot reload, the error overlay).
    'style-src': development ? ["'self'", "'unsafe-inline'"] : ["'self'", `'nonce-${nonce}'`],
    'style-src-attr': ["'unsafe-inline'"],
    // Attachments and avatars will be served by the api.
    'img-src': ["'self'", 'data:', 'blob:', api.origin],
    'font-src': ["'self'"],
    // REST calls and the realtime socket go to the api; error reports to Sentry when it is configured.
    'connect-src': [
      "'self'",
      api.origin,
      apiSocket,
      ...(errorReportingDsn ? [new URL(errorReportingDsn).origin] : []),
    ],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    // Nobody may frame the app (clickjacking a drag or a Delete). Ignored in Report-Only mode,
    // where X-Frame-Options: DENY still holds.
    'frame-ancestors': ["'none'"],
    'report-uri': [`${api.origin}${CSP_REPORT_PATH}`],
    'report-to': [CSP_REPORT_GROUP],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** Where `report-to` sends reports (the Reporting API). */
export function reportingEndpoints(apiUrl: string): string {
  return `${CSP_REPORT_GROUP}="${new URL(apiUrl).origin}${CSP_REPORT_PATH}"`;
}

/** A nonce: 128 random bits, base64 (CSP's nonce-source grammar). */
export function createNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/** Headers every response gets, pages and static files alike (next.config.ts `headers()`). */
export function staticSecurityHeaders(production: boolean): { key: string; value: string }[] {
  return [
    // Browsers stay on HTTPS for two years once they have seen the site over it (ignored over plain
    // HTTP, so a local production build on http://localhost is unaffected). Not in `next dev`.
    ...(production
      ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }]
      : []),
    // Files are only what their Content-Type says: no guessing a script out of an upload.
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    // Other sites learn our origin from a link, never the path (board and task ids, tokens in links).
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    // Powerful features the app does not use are off, for it and anything it might ever embed.
    {
      key: 'Permissions-Policy',
      value: [
        'accelerometer=()',
        'browsing-topics=()',
        'camera=()',
        'display-capture=()',
        'geolocation=()',
        'gyroscope=()',
        'hid=()',
        'magnetometer=()',
        'microphone=()',
        'midi=()',
        'payment=()',
        'serial=()',
        'usb=()',
      ].join(', '),
    },
    // A window we open, or that opens us, gets no handle on this one (window.opener, tab-napping).
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    // Other sites cannot embed our responses (scripts, images) as their own resources.
    { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
    // frame-ancestors 'none' for browsers that predate it.
    { key: 'X-Frame-Options', value: 'DENY' },
  ];
}
