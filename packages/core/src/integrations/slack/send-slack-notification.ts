import { ErrorCode, WebClient, type WebAPICallError } from '@slack/web-api';
import type { Env } from '@teamflow/config/env';
import type { WebhookEventName } from '@teamflow/contracts/webhooks';
import type { Database } from '@teamflow/db/client';
import { postToTarget } from '../../webhooks/post-to-target';
import { findSlackIntegration } from './slack.repository';

export type SlackOutcome = 'sent' | 'skipped';

/** Slack said no for good (a revoked token, a channel the bot is not in): retrying cannot help. */
export class SlackRefusedError extends Error {
  override name = 'SlackRefusedError';
}
/** Slack could not be reached or was busy: worth another attempt. */
export class SlackUnavailableError extends Error {
  override name = 'SlackUnavailableError';
}

// Web API errors that no retry fixes (api.slack.com/methods/chat.postMessage "Errors").
const PERMANENT = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'missing_scope',
  'no_permission',
  'msg_too_long',
]);

async function viaIncomingWebhook(url: string, text: string, allowPrivate: boolean): Promise<void> {
  // The incoming-webhook wire format: a JSON body with `text`; Slack answers 200 "ok".
  const result = await postToTarget(
    new URL(url),
    JSON.stringify({ text, unfurl_links: false }),
    { 'content-type': 'application/json', 'user-agent': 'TeamFlow-Slack/1' },
    allowPrivate,
  );
  if (result.status !== null && result.status >= 200 && result.status < 300) return;
  // 4xx other than 429 is Slack's final word on this URL (invalid_token, no_service, channel_is_archived).
  if (result.status !== null && result.status >= 400 && result.status < 500 && result.status !== 429)
    throw new SlackRefusedError(`Slack answered ${result.status}`);
  throw new SlackUnavailableError(result.error ?? `Slack answered ${result.status}`);
}

async function viaBotToken(env: Env, token: string, channel: string, text: string): Promise<void> {
  // Retries are BullMQ's (with backoff and a visible attempt count), not the client's.
  const client = new WebClient(token, { slackApiUrl: env.SLACK_API_URL, retryConfig: { retries: 0 } });
  try {
    await client.chat.postMessage({ channel, text, unfurl_links: false });
  } catch (error) {
    const code = (error as WebAPICallError).code;
    const slackError = (error as { data?: { error?: string } }).data?.error;
    if (code === ErrorCode.PlatformError && slackError && PERMANENT.has(slackError))
      throw new SlackRefusedError(`Slack refused the message: ${slackError}`);
    throw new SlackUnavailableError(slackError ?? (error as Error).message);
  }
}

/**
 * The `integrations/notify-slack` job: sends one message to the workspace's Slack target as it is
 * now. Skipped when the settings are gone or no longer send this event. Throws
 * SlackUnavailableError to be retried with backoff, SlackRefusedError when retrying cannot help.
 */
export async function sendSlackNotification(
  deps: { db: Database; env: Env },
  job: { workspaceId: string; event: WebhookEventName; text: string },
): Promise<SlackOutcome> {
  const settings = await findSlackIntegration(deps.db, job.workspaceId);
  if (!settings || !settings.events.includes(job.event)) return 'skipped';
  if (settings.webhookUrl)
    await viaIncomingWebhook(settings.webhookUrl, job.text, deps.env.WEBHOOKS_ALLOW_PRIVATE);
  else await viaBotToken(deps.env, settings.botToken!, settings.channel!, job.text);
  return 'sent';
}
