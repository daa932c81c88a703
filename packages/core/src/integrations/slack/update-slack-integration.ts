import type { SlackIntegration, SlackIntegrationUpdate } from '@teamflow/contracts/integrations';
import type { CoreDeps, WorkspaceCtx } from '../../platform/context';
import { invalid } from '../../platform/errors';
import { assertWebhookTarget } from '../../webhooks/webhook-target';
import { findSlackIntegration, saveSlackIntegration, type SlackIntegrationRow } from './slack.repository';
import { toSlackIntegration } from './slack-integration.view';

type Target = Pick<SlackIntegrationRow, 'webhookUrl' | 'botToken' | 'channel'>;

/** The target this request leaves in place: a new one, the saved one, or a new channel for the saved token. */
function targetAfter(input: SlackIntegrationUpdate, saved: SlackIntegrationRow | undefined): Target {
  if (input.webhookUrl) return { webhookUrl: input.webhookUrl, botToken: null, channel: null };
  if (input.botToken) return { webhookUrl: null, botToken: input.botToken, channel: input.channel! };
  if (input.channel) {
    if (!saved?.botToken)
      throw invalid([{ field: 'botToken', message: 'A channel needs a bot token (none is saved)' }]);
    return { webhookUrl: null, botToken: saved.botToken, channel: input.channel };
  }
  if (!saved)
    throw invalid([
      { field: 'webhookUrl', message: 'Give an incoming webhook URL, or a bot token and a channel' },
    ]);
  return { webhookUrl: saved.webhookUrl, botToken: saved.botToken, channel: saved.channel };
}

/**
 * Owner or admin. Replaces the events; the target is replaced when one is given and kept
 * otherwise (the page never has the saved secrets to send back). A webhook URL must reach a public
 * address, like outgoing webhooks (400 otherwise, unless WEBHOOKS_ALLOW_PRIVATE).
 */
export async function updateSlackIntegration(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  input: SlackIntegrationUpdate,
): Promise<SlackIntegration> {
  if (input.webhookUrl)
    await assertWebhookTarget(input.webhookUrl, deps.env.WEBHOOKS_ALLOW_PRIVATE, 'webhookUrl');
  const saved = await findSlackIntegration(deps.db, ctx.workspaceId);
  const target = targetAfter(input, saved);
  const row = await saveSlackIntegration(deps.db, {
    workspaceId: ctx.workspaceId,
    ...target,
    events: input.events,
  });
  ctx.logger.info('slack integration saved', {
    target: row.webhookUrl ? 'webhook' : 'bot',
    events: input.events,
  });
  return toSlackIntegration(row);
}
