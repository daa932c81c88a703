import { z } from 'zod';

// Server-side configuration for the web app, parsed once. Browser code gets none of it.
const WebEnv = z.object({
  API_URL: z.url().default('http://localhost:4000'),
  // Sends the Content-Security-Policy as Report-Only: violations are reported, nothing is blocked.
  CSP_REPORT_ONLY: z.stringbool().default(false),
  // Where `next build` wrote its output (next.config.ts `distDir`): the service worker lists its files.
  NEXT_DIST_DIR: z.string().min(1).default('.next'),
});
export type WebEnv = z.infer<typeof WebEnv> & { DEVELOPMENT: boolean };

function loadWebEnv(): WebEnv {
  const parsed = WebEnv.safeParse({
    API_URL: process.env.API_URL || undefined,
    CSP_REPORT_ONLY: process.env.CSP_REPORT_ONLY || undefined,
    NEXT_DIST_DIR: process.env.NEXT_DIST_DIR || undefined,
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
