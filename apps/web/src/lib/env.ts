import { z } from 'zod';

// Server-side configuration for the web app, parsed once. Browser code gets none of it.
const WebEnv = z.object({
  API_URL: z.url().default('http://localhost:4000'),
  // Sends the Content-Security-Policy as Report-Only: violations are reported, nothing is blocked.
  CSP_REPORT_ONLY: z.stringbool().default(false),
  // Where `next build` wrote its output (next.config.ts `distDir`): the service worker lists its files.
  NEXT_DIST_DIR: z.string().min(1).default('.next'),
  // Error reporting, named as in the api and worker: the web reports to Sentry when SENTRY_DSN is set
  // (server errors from here, browser errors through the page, which is told the DSN at run time).
  SENTRY_DSN: z.url().optional(),
  // The deployed commit; the build's own (SENTRY_RELEASE at `next build`, see next.config.ts) when unset.
  SENTRY_RELEASE: z.string().min(1).optional(),
  // staging or production (NODE_ENV is `production` in both).
  SENTRY_ENVIRONMENT: z.string().min(1).optional(),
});
export type WebEnv = z.infer<typeof WebEnv> & { DEVELOPMENT: boolean };

function loadWebEnv(): WebEnv {
  const parsed = WebEnv.safeParse({
    API_URL: process.env.API_URL || undefined,
    CSP_REPORT_ONLY: process.env.CSP_REPORT_ONLY || undefined,
    NEXT_DIST_DIR: process.env.NEXT_DIST_DIR || undefined,
    SENTRY_DSN: process.env.SENTRY_DSN || undefined,
    // BUILT_SENTRY_RELEASE is inlined by `next build` (next.config.ts `env`).
    SENTRY_RELEASE: process.env.SENTRY_RELEASE || process.env.BUILT_SENTRY_RELEASE || undefined,
    SENTRY_ENVIRONMENT: process.env.SENTRY_ENVIRONMENT || undefined,
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid web configuration:\n${lines.join('\n')}`);
  }
  return {
    ...parsed.data,
    API_URL: parsed.data.API_URL.replace(/\/+$/, ''),
    // Next fixes NODE_ENV per command: `next dev` is development, `next build`/`start` production.
    DEVELOPMENT: process.env.NODE_ENV === 'development',
  };
}

export const env = loadWebEnv();
