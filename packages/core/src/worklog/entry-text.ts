import { sanitizeMarkdown } from '../platform/sanitize-markdown';

/** Tags as stored: lower case, each once, in the order given. */
export const normaliseTags = (tags: string[]): string[] => [...new Set(tags.map((t) => t.toLowerCase()))];

/** The body as stored: through the one server sanitiser (raw HTML cut to the allowlist, code kept). */
export const storedBody = (body: string): string => sanitizeMarkdown(body);

export const wordCount = (body: string): number => body.split(/\s+/u).filter(Boolean).length;
