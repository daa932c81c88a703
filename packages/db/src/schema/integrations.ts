import { sql } from 'drizzle-orm';
import { boolean, check, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns';
import { tasks } from './board';
import { workspaces } from './workspaces';

/**
 * A workspace's GitHub integration: whether it acts on GitHub's webhook, and the secret GitHub
 * signs each request with (`X-Hub-Signature-256`). Kept readable: the settings page shows it to
 * paste into GitHub, and every request is verified against it.
 */
export const githubIntegrations = pgTable('github_integrations', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  enabled: boolean('enabled').notNull().default(false),
  secret: text('secret').notNull(),
  ...timestamps,
});

/** GitHub deliveries already handled (`X-GitHub-Delivery`): a redelivery is answered and ignored. */
export const githubDeliveries = pgTable(
  'github_deliveries',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    deliveryId: text('delivery_id').notNull(),
    event: text('event').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.deliveryId] })],
);

export const DEVELOPMENT_LINK_KINDS = ['commit', 'pull_request'] as const;
export const PULL_REQUEST_STATES = ['open', 'closed', 'merged'] as const;

/** A commit or pull request on GitHub that mentions a task's key: the task's "Development" section. */
export const taskDevelopmentLinks = pgTable(
  'task_development_links',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: DEVELOPMENT_LINK_KINDS }).notNull(),
    // `owner/name` on GitHub.
    repository: text('repository').notNull(),
    // The commit's SHA, or the pull request's number.
    ref: text('ref').notNull(),
    url: text('url').notNull(),
    title: text('title').notNull(),
    // Pull requests only; commits have none.
    state: text('state', { enum: PULL_REQUEST_STATES }),
    author: text('author'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('task_development_links_ref_idx').on(t.taskId, t.kind, t.repository, t.ref),
    check('task_development_links_kind_check', sql`${t.kind} in ('commit', 'pull_request')`),
    check(
      'task_development_links_state_check',
      sql`${t.state} is null or ${t.state} in ('open', 'closed', 'merged')`,
    ),
  ],
);

/**
 * Where a workspace's Slack notifications go: an incoming-webhook URL, or a bot token and a
 * channel (exactly one of the two), and which public event names are sent. Both are secrets.
 */
export const slackIntegrations = pgTable(
  'slack_integrations',
  {
    workspaceId: uuid('workspace_id')
      .primaryKey()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    webhookUrl: text('webhook_url'),
    botToken: text('bot_token'),
    channel: text('channel'),
    events: text('events')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    ...timestamps,
  },
  (t) => [
    check(
      'slack_integrations_target_check',
      sql`(${t.webhookUrl} is not null and ${t.botToken} is null and ${t.channel} is null)
        or (${t.webhookUrl} is null and ${t.botToken} is not null and ${t.channel} is not null)`,
    ),
  ],
);
