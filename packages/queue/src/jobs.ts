import { z } from 'zod';
import { WebhookEventName } from '@teamflow/contracts/webhooks';
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

export const MAIL_TEMPLATES = [
  'invitation',
  'verify-email',
  'reset-password',
  'notification-digest',
  'daily-digest',
] as const;
export type MailTemplate = (typeof MAIL_TEMPLATES)[number];

/** One email, already rendered (text + HTML). Sent over SMTP, or kept in the dev outbox without SMTP_URL. */
export const sendEmailJob = defineJob({
  queue: 'email',
  name: 'send',
  payload: z.object({
    to: z.email(),
    subject: z.string().min(1).max(300),
    text: z.string().min(1),
    html: z.string().min(1),
    template: z.enum(MAIL_TEMPLATES),
  }),
  // "3 retries, exponential" (ARCHITECTURE.md Queues): the first attempt plus three.
  attempts: 4,
  backoffMs: 10_000,
});

/** Recomputes a sprint's burndown into analytics_snapshots (idempotent: the snapshot is replaced). */
export const burndownJob = defineJob({
  queue: 'analytics',
  name: 'burndown',
  payload: z.object({ workspaceId: z.uuid(), sprintId: z.uuid() }),
  attempts: 3,
  backoffMs: 5_000,
});

/** Recomputes a project's velocity (its last completed sprints) into analytics_snapshots. */
export const velocityJob = defineJob({
  queue: 'analytics',
  name: 'velocity',
  payload: z.object({ workspaceId: z.uuid(), projectId: z.uuid() }),
  attempts: 3,
  backoffMs: 5_000,
});

/** AI requests: the payload names the `ai_jobs` row that holds the input snapshot and takes the result. */
const aiJobPayload = z.object({ aiJobId: z.uuid() });
// Two attempts: provider retries and fallback happen inside one attempt; the second covers a lost worker or database.
export const aiBreakdownJob = defineJob({
  queue: 'ai',
  name: 'breakdown',
  payload: aiJobPayload,
  attempts: 2,
  backoffMs: 5000,
});
export const aiPrioritizeJob = defineJob({
  queue: 'ai',
  name: 'prioritize',
  payload: aiJobPayload,
  attempts: 2,
  backoffMs: 5000,
});
export const aiSummarizeJob = defineJob({
  queue: 'ai',
  name: 'summarize',
  payload: aiJobPayload,
  attempts: 2,
  backoffMs: 5000,
});

/** "What next" for one person (the `ai_jobs` row names them). */
export const aiNextJob = defineJob({
  queue: 'ai',
  name: 'next',
  payload: aiJobPayload,
  attempts: 2,
  backoffMs: 5_000,
});

/**
 * ai/embed-tasks: brings a project's task embeddings up to date (only tasks whose title or
 * description changed since, so a repeat costs nothing). Staged by duplicate detection when it
 * meets tasks it has no current vector for; one per project at a time; retried when the provider
 * is away.
 */
export const aiEmbedTasksJob = defineJob({
  queue: 'ai',
  name: 'embed-tasks',
  payload: z.object({ workspaceId: z.uuid(), projectId: z.uuid() }),
  attempts: 3,
  backoffMs: 30_000,
  dedupeId: (p) => `embed-tasks:${p.projectId}`,
});

/**
 * notifications/dispatch: staged in the transaction of an assignment, a comment or a description
 * change; the handler decides who hears of it and writes their notifications (idempotent by
 * dedupe key, so a retry writes nothing twice). `changeId` is unique per change.
 */
export const dispatchNotificationsJob = defineJob({
  queue: 'notifications',
  name: 'dispatch',
  payload: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('assigned'),
      changeId: z.uuid(),
      workspaceId: z.uuid(),
      taskId: z.uuid(),
      actorId: z.uuid(),
      userIds: z.array(z.uuid()).max(100),
    }),
    z.object({
      kind: z.literal('description-mentions'),
      changeId: z.uuid(),
      workspaceId: z.uuid(),
      taskId: z.uuid(),
      actorId: z.uuid(),
      userIds: z.array(z.uuid()).max(100),
    }),
    z.object({
      kind: z.literal('commented'),
      changeId: z.uuid(),
      workspaceId: z.uuid(),
      taskId: z.uuid(),
      actorId: z.uuid(),
      commentId: z.uuid(),
      mentionedUserIds: z.array(z.uuid()).max(100),
    }),
  ]),
  attempts: 3,
  backoffMs: 5_000,
});

/** notifications/due-soon (hourly): a notification per assignee of each open task due within 24 h. */
export const dueSoonJob = defineJob({
  queue: 'notifications',
  name: 'due-soon',
  payload: z.object({ withinHours: z.number().int().min(1).max(168).default(24) }),
  attempts: 2,
  backoffMs: 60_000,
});

/** notifications/digest (every 15 min): one email per user with their unread, un-emailed notifications. */
export const notificationDigestJob = defineJob({
  queue: 'notifications',
  name: 'digest',
  payload: z.object({}),
  attempts: 3,
  backoffMs: 30_000,
});

/**
 * analytics/digest: one workspace's digest for one local date. Staged by `POST …/digests/:date/regenerate`
 * (force: the day's row is replaced); the schedule below writes missing ones without force.
 */
export const digestJob = defineJob({
  queue: 'analytics',
  name: 'digest',
  payload: z.object({ workspaceId: z.uuid(), date: z.iso.date(), force: z.boolean().default(false) }),
  attempts: 2,
  backoffMs: 10_000,
});

/** analytics/due-digests (every 15 min): each workspace past its `digestTime` gets that day's digest, once. */
export const dueDigestsJob = defineJob({
  queue: 'analytics',
  name: 'due-digests',
  payload: z.object({}),
  attempts: 2,
  backoffMs: 30_000,
});

/** notifications/check-in-reminders (every 15 min): members past their `reminderTime` with no update. */
export const checkInRemindersJob = defineJob({
  queue: 'notifications',
  name: 'check-in-reminders',
  payload: z.object({}),
  attempts: 2,
  backoffMs: 30_000,
});

/** notifications/blocker-escalation (every 15 min): open blockers past 1× / 2× the escalation hours. */
export const blockerEscalationJob = defineJob({
  queue: 'notifications',
  name: 'blocker-escalation',
  payload: z.object({}),
  attempts: 2,
  backoffMs: 30_000,
});

/**
 * progress/xp: the xp consumer of the event stream. Staged by the outbox relay for each workspace
 * whose published batch holds an XP source event; the handler reads that workspace's events past
 * its cursor in seq order and records the awards (unique per user, source and kind), so a retried,
 * duplicated or concurrent job pays nothing twice. Bursts coalesce into one run.
 */
export const xpJob = defineJob({
  queue: 'progress',
  name: 'xp',
  payload: z.object({ workspaceId: z.uuid() }),
  attempts: 5,
  backoffMs: 2_000,
  dedupeId: (p) => `xp:${p.workspaceId}`,
});

/** progress/settle-streaks (hourly): settles each person's streak through their own yesterday (idempotent). */
export const settleStreaksJob = defineJob({
  queue: 'progress',
  name: 'settle-streaks',
  payload: z.object({}),
  attempts: 3,
  backoffMs: 60_000,
});

/** maintenance/rebuild-progress (nightly): user_stats recomputed from xp_events, the one source of truth. */
export const rebuildProgressJob = defineJob({
  queue: 'maintenance',
  name: 'rebuild-progress',
  payload: z.object({ workspaceId: z.uuid().optional() }),
  attempts: 2,
  backoffMs: 60_000,
});

/**
 * ai/analyse-entry: reads one work-log entry (sentiment, skills, projects, achievements, themes,
 * and its meaning vector for search). Staged by every save; debounced per entry, so a burst of
 * autosaves is analysed once, shortly after the last. Idempotent: it analyses the entry as it is
 * when it runs and records the content hash it read.
 */
export const aiAnalyseEntryJob = defineJob({
  queue: 'ai',
  name: 'analyse-entry',
  payload: z.object({ userId: z.uuid(), entryId: z.uuid() }),
  attempts: 3,
  backoffMs: 10_000,
  dedupeId: (p) => `analyse-entry:${p.entryId}`,
  debounceMs: 1500,
});

/**
 * maintenance/reanalyse-entries (hourly, and once when a worker starts): re-reads with the current
 * local rules up to `batchSize` work-log analyses that older local rules made, the longest-analysed
 * first, so an upgrade of the rules reaches the entries written before it over a few runs, without
 * a burst. Local rules only; analyses by a remote provider are never touched.
 */
export const reanalyseEntriesJob = defineJob({
  queue: 'maintenance',
  name: 'reanalyse-entries',
  payload: z.object({ batchSize: z.number().int().min(1).max(1000).default(200) }),
  attempts: 2,
  backoffMs: 60_000,
});

/** ai/worklog-export: renders a review or CV export (Markdown or PDF) into its row. */
export const worklogExportJob = defineJob({
  queue: 'ai',
  name: 'worklog-export',
  payload: z.object({ userId: z.uuid(), exportId: z.uuid() }),
  attempts: 2,
  backoffMs: 5000,
});

/** `every` series: the current task was done; make the next one (idempotent: one per date). */
export const recurrenceNextJob = defineJob({
  queue: 'maintenance',
  name: 'recurrence-next',
  payload: z.object({ seriesId: z.uuid(), taskId: z.uuid() }),
  attempts: 5,
  backoffMs: 5_000,
});

/** `every!` series: make each occurrence whose time has come (every minute). */
export const recurrenceDueJob = defineJob({
  queue: 'maintenance',
  name: 'recurrence-due',
  payload: z.object({}),
  attempts: 1,
});

/**
 * files/scan-attachment: scans an attachment that was stored `pending` because clamd could not be
 * reached at upload. Clean → downloadable; infected → its bytes are deleted and it stays `infected`.
 * A scanner that is still away fails the attempt and BullMQ tries again with backoff.
 */
export const scanAttachmentJob = defineJob({
  queue: 'files',
  name: 'scan-attachment',
  payload: z.object({ attachmentId: z.uuid() }),
  attempts: 8,
  backoffMs: 15_000,
});

/**
 * integrations/deliver-webhook: POSTs one signed delivery (Standard Webhooks) to its webhook's URL.
 * Five attempts with exponential backoff (30 s, 1 min, 2 min, 4 min); each attempt is logged on the
 * delivery, and the last failure marks it `failed` (redeliver stages a fresh job).
 */
export const WEBHOOK_ATTEMPTS = 5;
export const WEBHOOK_BACKOFF_MS = 30_000;
export const deliverWebhookJob = defineJob({
  queue: 'integrations',
  name: 'deliver-webhook',
  payload: z.object({ deliveryId: z.uuid() }),
  attempts: WEBHOOK_ATTEMPTS,
  backoffMs: WEBHOOK_BACKOFF_MS,
});

/**
 * maintenance/reconcile-jobs (every minute): the job reconciler's sweep (core/jobs/job-reconciler.ts)
 * for jobs BullMQ lost without a restart (eviction, a replica promoted before it had everything).
 * A job scheduler is lost with the Redis data it would have to restore, so the worker's supervisor
 * also reconciles, and upserts every scheduler again, at start-up and whenever Redis comes back.
 */
export const reconcileJobsJob = defineJob({
  queue: 'maintenance',
  name: 'reconcile-jobs',
  payload: z.object({}),
  attempts: 1,
});

/**
 * integrations/notify-slack: one message to a workspace's Slack channel (its incoming webhook, or
 * chat.postMessage with its bot token). The text is fixed when the event is published; the target
 * is read when the job runs (a changed or removed setting applies to what is still queued).
 */
export const notifySlackJob = defineJob({
  queue: 'integrations',
  name: 'notify-slack',
  payload: z.object({
    workspaceId: z.uuid(),
    event: WebhookEventName,
    text: z.string().min(1).max(4000),
  }),
  attempts: 5,
  backoffMs: 30_000,
});

/** Every job kind a worker may receive, by queue and name. */
export const JOBS = [
  cleanupJob,
  sendEmailJob,
  burndownJob,
  velocityJob,
  aiBreakdownJob,
  aiPrioritizeJob,
  aiSummarizeJob,
  aiNextJob,
  aiEmbedTasksJob,
  dispatchNotificationsJob,
  dueSoonJob,
  notificationDigestJob,
  digestJob,
  dueDigestsJob,
  checkInRemindersJob,
  blockerEscalationJob,
  xpJob,
  settleStreaksJob,
  rebuildProgressJob,
  aiAnalyseEntryJob,
  reanalyseEntriesJob,
  worklogExportJob,
  recurrenceNextJob,
  recurrenceDueJob,
  scanAttachmentJob,
  deliverWebhookJob,
  reconcileJobsJob,
  notifySlackJob,
] as const;
