import type { JobDefinition, JobPayload } from './define-job';
import {
  blockerEscalationJob,
  checkInRemindersJob,
  cleanupJob,
  dueDigestsJob,
  dueSoonJob,
  notificationDigestJob,
  reanalyseEntriesJob,
  rebuildProgressJob,
  reconcileJobsJob,
  recurrenceDueJob,
  settleStreaksJob,
} from './jobs';
import type { Queues } from './producer';

export interface Schedule<D extends JobDefinition = JobDefinition> {
  id: string;
  job: D;
  pattern: string;
  payload: JobPayload<D>;
  /**
   * Also run once as soon as it is registered (each worker start, and again when Redis lost the
   * schedulers): for catch-up work that an upgrade should not leave waiting for the first tick.
   */
  runAtStart?: boolean;
}

/**
 * The job reconciler's sweep. Part of the worker process itself, not of a feature: a worker
 * started with schedules of its own (the fault tests') still registers it.
 */
export const RECONCILE_SCHEDULE: Schedule = {
  id: 'reconcile-jobs',
  job: reconcileJobsJob,
  pattern: '* * * * *',
  payload: {},
};

/** Cron schedules in UTC. BullMQ job schedulers fire each once, however many workers run. */
export const SCHEDULES: Schedule[] = [
  {
    id: 'cleanup-daily',
    job: cleanupJob,
    pattern: '0 2 * * *',
    payload: { commentRetentionDays: 30, activityRetentionDays: 365 },
  },
  { id: 'due-soon', job: dueSoonJob, pattern: '0 * * * *', payload: { withinHours: 24 } },
  { id: 'notification-digest', job: notificationDigestJob, pattern: '*/15 * * * *', payload: {} },
  // Async updates: every 15 minutes each checks whose local time has come (zones differ by quarter hours).
  { id: 'check-in-reminders', job: checkInRemindersJob, pattern: '*/15 * * * *', payload: {} },
  { id: 'due-digests', job: dueDigestsJob, pattern: '*/15 * * * *', payload: {} },
  { id: 'blocker-escalation', job: blockerEscalationJob, pattern: '*/15 * * * *', payload: {} },
  // Hourly, so every zone's day is settled soon after its own midnight.
  { id: 'settle-streaks', job: settleStreaksJob, pattern: '7 * * * *', payload: {} },
  { id: 'rebuild-progress', job: rebuildProgressJob, pattern: '30 3 * * *', payload: {} },
  // Analyses by older local rules, a batch an hour: an upgrade corrects them over a few runs.
  {
    id: 'reanalyse-entries',
    job: reanalyseEntriesJob,
    pattern: '41 * * * *',
    payload: { batchSize: 200 },
    runAtStart: true,
  },
  // Recurring tasks made "at their scheduled time" (`every!`): the minute is the resolution.
  { id: 'recurrence-due', job: recurrenceDueJob, pattern: '* * * * *', payload: {} },
  RECONCILE_SCHEDULE,
];

/** Creates or updates every schedule (idempotent: safe for each worker to call at start). */
export async function registerSchedules(queues: Queues, schedules: Schedule[] = SCHEDULES): Promise<void> {
  for (const s of schedules) {
    await queues[s.job.queue].upsertJobScheduler(
      s.id,
      { pattern: s.pattern, tz: 'UTC', ...(s.runAtStart ? { immediately: true } : {}) },
      { name: s.job.name, data: s.job.payload.parse(s.payload), opts: s.job.options },
    );
  }
}
