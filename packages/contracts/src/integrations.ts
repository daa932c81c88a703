import { z } from 'zod';
import { Id, page, Timestamp } from './common';
import { WEBHOOK_EVENTS, WebhookEventName } from './webhooks';

export const IntegrationParams = z.object({ workspaceId: Id });
export type IntegrationParams = z.infer<typeof IntegrationParams>;

// ── GitHub ─────────────────────────────────────────────────────────────────────────────────

/** What to paste into GitHub's "Add webhook" form: the payload URL and the secret (content type JSON). */
export const GithubIntegration = z.object({
  enabled: z.boolean(),
  webhookUrl: z.string(),
  secret: z.string(),
  updatedAt: Timestamp,
});
export type GithubIntegration = z.infer<typeof GithubIntegration>;

export const GithubIntegrationUpdate = z.object({ enabled: z.boolean() });
export type GithubIntegrationUpdate = z.infer<typeof GithubIntegrationUpdate>;

/** The answer GitHub gets (and shows in its delivery log): what this delivery did. */
export const GithubWebhookResult = z.object({
  status: z.enum(['processed', 'duplicate', 'ignored']),
  /** Commits and pull requests linked to tasks (new or updated). */
  linked: z.number().int(),
  /** Keys of the tasks a merged pull request moved to done. */
  done: z.array(z.string()),
});
export type GithubWebhookResult = z.infer<typeof GithubWebhookResult>;

export const DEVELOPMENT_LINK_KINDS = ['commit', 'pull_request'] as const;
export const DevelopmentLinkKind = z.enum(DEVELOPMENT_LINK_KINDS);
export const PullRequestState = z.enum(['open', 'closed', 'merged']);
export type PullRequestState = z.infer<typeof PullRequestState>;

/** A commit or pull request on GitHub that mentions the task's key: its "Development" section. */
export const DevelopmentLink = z.object({
  id: Id,
  taskId: Id,
  kind: DevelopmentLinkKind,
  /** `owner/name` */
  repository: z.string(),
  /** The commit SHA or the pull request number. */
  ref: z.string(),
  url: z.string(),
  title: z.string(),
  /** Pull requests only. */
  state: PullRequestState.nullable(),
  author: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type DevelopmentLink = z.infer<typeof DevelopmentLink>;
// Paged like every list (`PageQuery`), oldest first.
export const DevelopmentLinkList = page(DevelopmentLink);
export type DevelopmentLinkList = z.infer<typeof DevelopmentLinkList>;

/**
 * The parts of GitHub's webhook payloads we read (push, pull_request); everything else in them is
 * ignored. Parsed after the signature is verified, so a shape we do not know is GitHub's change,
 * answered 400 and visible in GitHub's delivery log.
 */
const Repository = z.object({ full_name: z.string().max(300) });
export const GithubPushPayload = z.object({
  repository: Repository,
  commits: z
    .array(
      z.object({
        id: z.string().max(64),
        message: z.string(),
        url: z.string().max(2000),
        author: z.object({ name: z.string().nullish(), username: z.string().nullish() }).nullish(),
      }),
    )
    .default([]),
});
export type GithubPushPayload = z.infer<typeof GithubPushPayload>;

export const GithubPullRequestPayload = z.object({
  action: z.string(),
  repository: Repository,
  pull_request: z.object({
    number: z.number().int(),
    title: z.string(),
    body: z.string().nullish(),
    html_url: z.string().max(2000),
    state: z.enum(['open', 'closed']),
    merged: z.boolean().nullish(),
    user: z.object({ login: z.string() }).nullish(),
  }),
});
export type GithubPullRequestPayload = z.infer<typeof GithubPullRequestPayload>;

// ── Slack ──────────────────────────────────────────────────────────────────────────────────

const SlackEvents = z
  .array(WebhookEventName)
  .max(WEBHOOK_EVENTS.length)
  .transform((events) => [...new Set(events)]);

/**
 * Where Slack notifications go and which events. The target is an incoming-webhook URL, or a bot
 * token and a channel; sent without either, the saved target is kept (only the events change).
 * An empty `events` list sends nothing.
 */
export const SlackIntegrationUpdate = z
  .object({
    webhookUrl: z
      .url({ protocol: /^https?$/, error: 'Use an http or https URL' })
      .max(2000)
      .optional(),
    botToken: z
      .string()
      .trim()
      .regex(/^xox[a-z]-[A-Za-z0-9-]{8,250}$/, 'A Slack bot token starts with xoxb-')
      .optional(),
    channel: z
      .string()
      .trim()
      .regex(/^#?[A-Za-z0-9_.-]{1,80}$/, 'A channel name (#team) or id (C0123…)')
      .optional(),
    events: SlackEvents,
  })
  .superRefine((v, ctx) => {
    if (v.webhookUrl && (v.botToken || v.channel))
      ctx.addIssue({
        code: 'custom',
        path: ['webhookUrl'],
        message: 'Send either webhookUrl or botToken with channel, not both',
      });
    if (v.botToken && !v.channel)
      ctx.addIssue({ code: 'custom', path: ['channel'], message: 'A bot token needs a channel' });
  });
export type SlackIntegrationUpdate = z.infer<typeof SlackIntegrationUpdate>;

/** Secrets are never returned whole: the webhook URL and the bot token come back masked. */
export const SlackIntegration = z.object({
  configured: z.boolean(),
  target: z.enum(['webhook', 'bot']).nullable(),
  webhookUrl: z.string().nullable(),
  botToken: z.string().nullable(),
  channel: z.string().nullable(),
  events: z.array(WebhookEventName),
  updatedAt: Timestamp.nullable(),
});
export type SlackIntegration = z.infer<typeof SlackIntegration>;
