import type { SlackIntegration } from '@teamflow/contracts/integrations';
import type { WebhookEventName } from '@teamflow/contracts/webhooks';
import type { SlackIntegrationRow } from './slack.repository';

/** Enough of a secret to recognise it, never enough to use it: its start and its last four characters. */
function mask(secret: string, keep: number): string {
  return `${secret.slice(0, keep)}…${secret.slice(-4)}`;
}

// An incoming webhook URL is a secret in its path (https://hooks.slack.com/services/T…/B…/<token>):
// its origin and the path's first segment are shown.
const maskUrl = (url: string) => {
  const parsed = new URL(url);
  const first = parsed.pathname.split('/').filter(Boolean)[0];
  return `${parsed.origin}/${first ? `${first}/` : ''}…${url.slice(-4)}`;
};

export function toSlackIntegration(row: SlackIntegrationRow | undefined): SlackIntegration {
  if (!row)
    return {
      configured: false,
      target: null,
      webhookUrl: null,
      botToken: null,
      channel: null,
      events: [],
      updatedAt: null,
    };
  return {
    configured: true,
    target: row.webhookUrl ? 'webhook' : 'bot',
    webhookUrl: row.webhookUrl ? maskUrl(row.webhookUrl) : null,
    botToken: row.botToken ? mask(row.botToken, 5) : null,
    channel: row.channel,
    events: row.events as WebhookEventName[],
    updatedAt: row.updatedAt.toISOString(),
  };
}
