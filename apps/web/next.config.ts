import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withSentryConfig } from '@sentry/nextjs/config';
import type { NextConfig } from 'next';
import { staticSecurityHeaders } from './src/lib/security-headers';
import { sentryBuildOptions } from './src/modules/error-reporting/sentry-build-options';

// The monorepo root holds the one lockfile; pointing Turbopack at it lets it resolve workspace packages.
const monorepoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const nextConfig: NextConfig = {
  // Workspace packages export TypeScript source.
  transpilePackages: ['@teamflow/contracts'],
  turbopack: { root: monorepoRoot },
  poweredByHeader: false,
  // The e2e suite builds into its own folder (NEXT_DIST_DIR) so it never replaces a developer's build.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // `page.e2e.tsx` files are pages only in the e2e suite's build (e2e/support/web-server.ts sets
  // E2E_TEST_ROUTES): routes that fail on purpose exist nowhere else, not even as code.
  pageExtensions: process.env.E2E_TEST_ROUTES === 'true' ? ['e2e.tsx', 'tsx', 'ts'] : ['tsx', 'ts'],
  // The commit this build is of, for Sentry when SENTRY_RELEASE is not set where it runs (lib/env.ts).
  env: { BUILT_SENTRY_RELEASE: process.env.SENTRY_RELEASE ?? '' },
  // On every response, static files included; the Content-Security-Policy is per request (src/proxy.ts).
  headers: () =>
    Promise.resolve([
      { source: '/:path*', headers: staticSecurityHeaders(process.env.NODE_ENV === 'production') },
    ]),
};

export default withSentryConfig(nextConfig, sentryBuildOptions(process.env));
