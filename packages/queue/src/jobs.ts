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

export const MAIL_TEMPLATES = [
  'invitation',
  'verify-email',
  'reset-password',
  'notification-digest',
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

/** Every job kind a worker may receive, by queue and name. */
export const JOBS = [
  cleanupJob,
  sendEmailJob,
  burndownJob,
  velocityJob,
  aiBreakdownJob,
  aiPrioritizeJob,
  aiSummarizeJob,
  aiEmbedTasksJob,
  dispatchNotificationsJob,
  dueSoonJob,
  notificationDigestJob,
  scanAttachmentJob,
  deliverWebhookJob,
] as const;
