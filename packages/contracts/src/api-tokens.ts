import { z } from 'zod';
import { Id, page, Timestamp } from './common';

export const ApiTokenScope = z.enum(['read', 'write']);
export type ApiTokenScope = z.infer<typeof ApiTokenScope>;

/** Personal API tokens start with this, so the auth middleware (and secret scanners) know them. */
export const API_TOKEN_PREFIX = 'tf_pat_';

export const ApiTokenCreate = z.object({
  name: z.string().trim().min(1).max(100),
  scope: ApiTokenScope,
  // In the future (checked by the use case: "now" is the server's); at most ten years ahead.
  expiresAt: Timestamp.optional(),
});
export type ApiTokenCreate = z.infer<typeof ApiTokenCreate>;

export const ApiToken = z.object({
  id: Id,
  name: z.string(),
  scope: ApiTokenScope,
  /** `tf_pat_` and the next few characters, to tell tokens apart. */
  prefix: z.string(),
  expiresAt: Timestamp.nullable(),
  lastUsedAt: Timestamp.nullable(),
  createdAt: Timestamp,
});
export type ApiToken = z.infer<typeof ApiToken>;

/** The create answer: the token itself, shown this once. */
export const ApiTokenCreated = ApiToken.extend({ token: z.string() });
export type ApiTokenCreated = z.infer<typeof ApiTokenCreated>;

// Paged like every list (`PageQuery`), newest first.
export const ApiTokenList = page(ApiToken);
export type ApiTokenList = z.infer<typeof ApiTokenList>;

export const ApiTokenParams = z.object({ tokenId: Id });
export type ApiTokenParams = z.infer<typeof ApiTokenParams>;

/** The caller's calendar feed: an iCalendar URL that needs no other auth (rotate to revoke it). */
export const CalendarFeed = z.object({ url: z.url(), createdAt: Timestamp });
export type CalendarFeed = z.infer<typeof CalendarFeed>;

export const CalendarFeedParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });
export type CalendarFeedParams = z.infer<typeof CalendarFeedParams>;
