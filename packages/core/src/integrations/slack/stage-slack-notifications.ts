import type { ServerEvent } from '@teamflow/contracts/events';
import { PUBLIC_EVENT_NAMES } from '@teamflow/contracts/webhooks';
import type { Tx } from '@teamflow/db/client';
import { notifySlackJob } from '@teamflow/queue/jobs';
import { stageJob } from '../../jobs/job-outbox.repository';
import { sendingSlackIntegrationsOf } from './slack.repository';
import { slackMessage } from './slack-message';

/**
 * Fed by the event stream like outgoing webhooks: in the relay's publishing transaction, each
 * published event with a public name that a workspace's Slack settings send becomes one
 * `integrations/notify-slack` job (a batch rolled back stages nothing).
 */
export async function stageSlackNotifications(
  tx: Tx,
  events: ServerEvent[],
  webOrigin: string,
): Promise<number> {
  const named = events.flatMap((event) => {
    const name = PUBLIC_EVENT_NAMES[event.type];
    return name ? [{ event, name }] : [];
  });
  if (named.length === 0) return 0;
  const settings = await sendingSlackIntegrationsOf(tx, [...new Set(named.map((n) => n.event.workspaceId))]);
  if (settings.length === 0) return 0;
  const subscribed = new Map(settings.map((s) => [s.workspaceId, new Set(s.events)]));
  let staged = 0;
  for (const { event, name } of named) {
    if (!subscribed.get(event.workspaceId)?.has(name)) continue;
    const text = slackMessage(event, webOrigin);
    if (!text) continue;
    await stageJob(tx, notifySlackJob, {
      workspaceId: event.workspaceId,
      event: name,
      text: text.slice(0, 4000),
    });
    staged++;
  }
  return staged;
}
