import { z } from 'zod';
import { CalendarDate, Id, OutboxJobId, page, PageQuery, Timestamp } from './common';
import { DecisionRef } from './decisions';
import { LinkedTask, Person } from './refs';
import { PublicStatusUpdate } from './status-updates';

/** Who wrote the summary: an AI provider of the chain (`local` without keys) or the plain template. */
export const DigestProvider = z.enum(['openai', 'anthropic', 'local', 'template']);
export type DigestProvider = z.infer<typeof DigestProvider>;

/** The minimum number of moods before a team average is shown (fewer would point at a person). */
export const MOOD_QUORUM = 3;

export const DigestSections = z.object({
  /** Updates of the day, never with a mood. */
  updates: z.array(PublicStatusUpdate),
  missing: z.array(Person),
  away: z.array(Person),
  /** The team's average mood, only when at least MOOD_QUORUM people gave one (else null). */
  moodAverage: z.number().nullable(),
  moodCount: z.number().int(),
  blockers: z.object({
    opened: z.number().int(),
    open: z.number().int(),
    unacknowledged: z.number().int(),
    escalated: z.number().int(),
  }),
  incidents: z.object({ declared: z.number().int(), open: z.number().int(), resolved: z.number().int() }),
  decisions: z.array(DecisionRef),
  tasksCompleted: z.array(LinkedTask),
});
export type DigestSections = z.infer<typeof DigestSections>;

/** The day's digest of a workspace, for a date in the workspace's zone. */
export const Digest = z.object({
  workspaceId: Id,
  date: z.iso.date(),
  generatedAt: Timestamp,
  provider: DigestProvider,
  /** Markdown. */
  summary: z.string(),
  sections: DigestSections,
});
export type Digest = z.infer<typeof Digest>;

export const DigestListQuery = PageQuery;
export type DigestListQuery = z.infer<typeof DigestListQuery>;

export const DigestPage = page(Digest);
export type DigestPage = z.infer<typeof DigestPage>;

export const DigestParams = z.object({ workspaceId: Id, date: CalendarDate });

/** The queued regenerate: poll `GET /jobs/:jobId`. */
export const DigestRegenerateAccepted = z.object({ jobId: OutboxJobId });
export type DigestRegenerateAccepted = z.infer<typeof DigestRegenerateAccepted>;

/** The `data` of DIGEST_READY: which day's digest is ready, and who wrote its summary. */
export const DigestReady = z.object({
  workspaceId: Id,
  date: z.iso.date(),
  provider: DigestProvider,
  generatedAt: Timestamp,
});
export type DigestReady = z.infer<typeof DigestReady>;
