import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { publicApiUrl } from '@/lib/public-env';
import { contentSecurityPolicy, createNonce, reportingEndpoints } from '@/lib/security-headers';

/**
 * Gives every page its own CSP nonce. Next reads the nonce from the request's policy header while
 * rendering and puts it on its scripts; the root layout reads `x-nonce` for the theme script. A
 * nonce is only worth something if no two responses share it, which is why every page is rendered
 * per request (the layout reads headers()) and none is ever served from a shared cache.
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = createNonce();
  const policy = contentSecurityPolicy({
    nonce,
    apiUrl: publicApiUrl,
    development: env.DEVELOPMENT,
    errorReportingDsn: env.SENTRY_DSN,
  });
  // Report-Only: the browser blocks nothing and reports what it would have blocked, so a
  // tightened policy can be tried on real traffic first.
  const policyHeader = env.CSP_REPORT_ONLY
    ? 'Content-Security-Policy-Report-Only'
    : 'Content-Security-Policy';

  const requestHeaders = new Headers(request.headers);
  // Next takes the nonce from these request headers: only ours may be there, never a client's.
  requestHeaders.delete('content-security-policy');
  requestHeaders.delete('content-security-policy-report-only');
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set(policyHeader, policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set(policyHeader, policy);
  response.headers.set('Reporting-Endpoints', reportingEndpoints(publicApiUrl));
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: hashed static files and the favicon carry no scripts to allow.
      source: '/((?!_next/static|_next/image|favicon.ico).*)',
      // A next/link prefetch renders no document, so it needs no nonce.
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
