import { z } from 'zod';
import { defineJob } from './define-job';

/** Nightly cleanup: expired refresh tokens, long-deleted comments, activity past retention. */
export const cleanupJob = defineJob({
  queue: 'maintenance',
  name: 'cleanup',
  payload: z.object({
    commentRetentionDays: z.number().int().min(1).default(30),
    activityRetentionDays: z.number().int().min(1).default(365),
  }),
  attempts: 2,
  backoffMs: 60_000,
});

/** Every job kind a worker may receive, by queue and name. */
export const JOBS = [cleanupJob] as const;
