import { z } from 'zod';

// Server-side configuration for the web app, parsed once. Browser code gets none of it.
const WebEnv = z.object({
  API_URL: z.url().default('http://localhost:4000'),
});
export type WebEnv = z.infer<typeof WebEnv>;

function loadWebEnv(): WebEnv {
  const parsed = WebEnv.safeParse({ API_URL: process.env.API_URL || undefined });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid web configuration:\n${lines.join('\n')}`);
  }
  return { API_URL: parsed.data.API_URL.replace(/\/+$/, '') };
}

export const env = loadWebEnv();
