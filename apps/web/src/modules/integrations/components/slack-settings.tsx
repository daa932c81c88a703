'use client';

import type { SlackIntegration, SlackIntegrationUpdate } from '@teamflow/contracts/integrations';
import type { WebhookEventName } from '@teamflow/contracts/webhooks';
import { useState, type FormEvent } from 'react';
import { apiFieldMessage } from '@/lib/api-error';
import { Button } from '@/modules/ui/components/button';
import { FormError } from '@/modules/ui/components/form-error';
import { Skeleton } from '@/modules/ui/components/skeleton';
import { TextField } from '@/modules/ui/components/text-field';
import { EventPicker } from '@/modules/webhooks/components/event-picker';
import { useSaveSlackIntegration, useSlackIntegration } from '../hooks/use-slack-integration';

type Target = 'webhook' | 'bot';

function SlackForm({ workspaceId, saved }: { workspaceId: string; saved: SlackIntegration }) {
  const save = useSaveSlackIntegration(workspaceId);
  const [target, setTarget] = useState<Target>(saved.target ?? 'webhook');
  const [webhookUrl, setWebhookUrl] = useState('');
  const [botToken, setBotToken] = useState('');
  const [channel, setChannel] = useState(saved.channel ?? '');
  const [events, setEvents] = useState<WebhookEventName[]>(
    saved.configured ? saved.events : ['task.created', 'task.moved', 'status_update.posted'],
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Blank secret fields keep what is saved: the page never receives them to send back.
    const body: SlackIntegrationUpdate =
      target === 'webhook'
        ? { events, ...(webhookUrl.trim() ? { webhookUrl: webhookUrl.trim() } : {}) }
        : {
            events,
            ...(botToken.trim() ? { botToken: botToken.trim() } : {}),
            ...(channel.trim() && (botToken.trim() || channel.trim() !== saved.channel)
              ? { channel: channel.trim() }
              : {}),
          };
    save.mutate(body, {
      onSuccess: () => {
        setWebhookUrl('');
        setBotToken('');
      },
    });
  };
  const keeps = (what: Target) => saved.target === what;
  const general =
    save.error && !['webhookUrl', 'botToken', 'channel', 'events'].some((f) => apiFieldMessage(save.error, f))
      ? save.error.message
      : undefined;

  return (
    <form onSubmit={submit} aria-label="Slack notifications" className="flex flex-col gap-3">
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="mb-1 text-sm font-medium">Send through</legend>
        <label className="flex min-h-6 items-center gap-1">
          <input
            type="radio"
            name="slack-target"
            checked={target === 'webhook'}
            onChange={() => setTarget('webhook')}
          />
          Incoming webhook
        </label>
        <label className="flex min-h-6 items-center gap-1">
          <input
            type="radio"
            name="slack-target"
            checked={target === 'bot'}
            onChange={() => setTarget('bot')}
          />
          Bot token and channel
        </label>
      </fieldset>
      {target === 'webhook' ? (
        <TextField
          label="Incoming webhook URL"
          type="url"
          value={webhookUrl}
          onChange={(e) => setWebhookUrl(e.target.value)}
          placeholder={keeps('webhook') ? (saved.webhookUrl ?? '') : 'https://hooks.slack.com/services/…'}
          hint={keeps('webhook') ? `Saved: ${saved.webhookUrl}. Leave blank to keep it.` : undefined}
          error={apiFieldMessage(save.error, 'webhookUrl')}
        />
      ) : (
        <>
          <TextField
            label="Bot token"
            type="password"
            autoComplete="off"
            value={botToken}
            onChange={(e) => setBotToken(e.target.value)}
            placeholder={keeps('bot') ? (saved.botToken ?? '') : 'xoxb-…'}
            hint={
              keeps('bot')
                ? `Saved: ${saved.botToken}. Leave blank to keep it.`
                : 'A bot token with the chat:write scope, invited to the channel.'
            }
            error={apiFieldMessage(save.error, 'botToken')}
          />
          <TextField
            label="Channel"
            value={channel}
            onChange={(e) => setChannel(e.target.value)}
            placeholder="#team or C0123456"
            error={apiFieldMessage(save.error, 'channel')}
          />
        </>
      )}
      <EventPicker legend="Events to send" value={events} onChange={setEvents} />
      <FormError message={apiFieldMessage(save.error, 'events') ?? general} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={save.isPending}>
          Save Slack settings
        </Button>
        {save.isSuccess ? (
          <span role="status" className="text-sm text-emerald-700 dark:text-emerald-300">
            Saved
          </span>
        ) : null}
      </div>
      {events.length === 0 ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          With no events selected, nothing is sent.
        </p>
      ) : null}
    </form>
  );
}

/** Workspace settings → Slack (owners and admins): where notifications go and which events. */
export function SlackSettings({ workspaceId }: { workspaceId: string }) {
  const slack = useSlackIntegration(workspaceId, true);
  return (
    <section
      aria-labelledby="slack-heading"
      className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-4 sm:p-6 dark:border-slate-700 dark:bg-slate-900"
    >
      <h3 id="slack-heading" className="text-base font-semibold">
        Slack
      </h3>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Post task and async-update events to a Slack channel, through an incoming webhook or a bot. Saved
        secrets are never shown again.
      </p>
      {slack.isPending ? (
        <Skeleton className="h-24" />
      ) : slack.data ? (
        <SlackForm workspaceId={workspaceId} saved={slack.data} />
      ) : (
        <FormError message={slack.error?.message} />
      )}
    </section>
  );
}
