'use client';

import type { Webhook, WebhookEventName } from '@teamflow/contracts/webhooks';
import { useState, type FormEvent } from 'react';
import { apiFieldMessage } from '@/lib/api-error';
import { Button } from '@/modules/ui/components/button';
import { FormError } from '@/modules/ui/components/form-error';
import { ShowMoreButton } from '@/modules/ui/components/show-more-button';
import { TextField } from '@/modules/ui/components/text-field';
import {
  useCreateWebhook,
  useDeleteWebhook,
  useDeliveries,
  useRedeliver,
  useUpdateWebhook,
  useWebhooks,
} from '../hooks/use-webhooks';
import { EventPicker } from './event-picker';

const STATUS_CLASS = {
  pending: 'text-amber-700 dark:text-amber-300',
  succeeded: 'text-emerald-700 dark:text-emerald-300',
  failed: 'text-rose-700 dark:text-rose-300',
} as const;

/** Edits a webhook in place: its URL, events and description. */
function EditWebhookForm({
  webhook,
  workspaceId,
  onDone,
}: {
  webhook: Webhook;
  workspaceId: string;
  onDone: () => void;
}) {
  const update = useUpdateWebhook(workspaceId);
  const [url, setUrl] = useState(webhook.url);
  const [events, setEvents] = useState<WebhookEventName[]>(webhook.events);
  const [description, setDescription] = useState(webhook.description ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate(
      { webhookId: webhook.id, body: { url, events, description: description.trim() || null } },
      { onSuccess: onDone },
    );
  };
  const urlError = apiFieldMessage(update.error, 'url');
  return (
    <form
      onSubmit={submit}
      aria-label={`Edit webhook ${webhook.url}`}
      className="flex flex-col gap-3 rounded-md bg-slate-50 p-3 dark:bg-slate-800/60"
    >
      <TextField
        label="Payload URL"
        type="url"
        required
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        error={urlError}
      />
      <TextField label="Description" value={description} onChange={(e) => setDescription(e.target.value)} />
      <EventPicker value={events} onChange={setEvents} />
      {update.error && !urlError ? <FormError message={update.error.message} /> : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={update.isPending || events.length === 0}>
          Save webhook
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function WebhookItem({ webhook, workspaceId }: { webhook: Webhook; workspaceId: string }) {
  const update = useUpdateWebhook(workspaceId);
  const remove = useDeleteWebhook(workspaceId);
  const [editing, setEditing] = useState(false);
  return (
    <div className="flex flex-col gap-2 border-t border-slate-200 pt-3 dark:border-slate-700">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="min-w-0 text-sm">
          <p>
            <span className="font-mono break-all">{webhook.url}</span>{' '}
            {webhook.enabled ? null : (
              <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-300">
                disabled
              </span>
            )}
          </p>
          {webhook.description ? (
            <p className="text-xs text-slate-600 dark:text-slate-400">{webhook.description}</p>
          ) : null}
          <p className="text-xs text-slate-600 dark:text-slate-400">{webhook.events.join(', ')}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button
            variant="secondary"
            disabled={update.isPending}
            onClick={() => update.mutate({ webhookId: webhook.id, body: { enabled: !webhook.enabled } })}
            aria-label={`${webhook.enabled ? 'Disable' : 'Enable'} webhook ${webhook.url}`}
          >
            {webhook.enabled ? 'Disable' : 'Enable'}
          </Button>
          <Button
            variant="secondary"
            onClick={() => setEditing((now) => !now)}
            aria-expanded={editing}
            aria-label={`Edit webhook ${webhook.url}`}
          >
            Edit
          </Button>
          <Button
            variant="secondary"
            onClick={() => remove.mutate(webhook.id)}
            aria-label={`Delete webhook ${webhook.url}`}
          >
            Delete
          </Button>
        </div>
      </div>
      {update.error && !editing ? <FormError message={update.error.message} /> : null}
      {editing ? (
        <EditWebhookForm webhook={webhook} workspaceId={workspaceId} onDone={() => setEditing(false)} />
      ) : null}
      <Deliveries webhook={webhook} />
    </div>
  );
}

function Deliveries({ webhook }: { webhook: Webhook }) {
  const deliveries = useDeliveries(webhook.id);
  const redeliver = useRedeliver(webhook.id);
  if (deliveries.isPending)
    return <p className="text-xs text-slate-500 dark:text-slate-400">Loading deliveries…</p>;
  if (deliveries.error && !deliveries.isFetchNextPageError)
    return <FormError message={deliveries.error.message} />;
  if (!deliveries.items.length)
    return <p className="text-xs text-slate-500 dark:text-slate-400">No deliveries yet.</p>;
  return (
    <>
      <table className="w-full text-left text-xs" aria-label={`Deliveries of ${webhook.url}`}>
        <thead>
          <tr className="text-slate-500 dark:text-slate-400">
            <th className="py-1">Event</th>
            <th>Status</th>
            <th>Attempts</th>
            <th>Response</th>
            <th>Time</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {deliveries.items.map((d) => (
            <tr key={d.id} className="border-t border-slate-100 dark:border-slate-800">
              <td className="py-1 font-mono">{d.event}</td>
              <td className={STATUS_CLASS[d.status]}>{d.status}</td>
              <td>{d.attempts}</td>
              <td title={d.log.at(-1)?.error ?? undefined}>
                {d.responseStatus ?? d.log.at(-1)?.error ?? '–'}
              </td>
              <td>{d.durationMs !== null ? `${d.durationMs} ms` : '–'}</td>
              <td>
                {d.status !== 'pending' ? (
                  <Button variant="secondary" onClick={() => redeliver.mutate(d.id)}>
                    Redeliver
                  </Button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ShowMoreButton feed={deliveries}>Show older deliveries</ShowMoreButton>
    </>
  );
}

/** Workspace settings → Webhooks (owners and admins): add one, see its secret once, follow its deliveries. */
export function WebhookSettings({ workspaceId, canManage }: { workspaceId: string; canManage: boolean }) {
  const webhooks = useWebhooks(workspaceId, canManage);
  const create = useCreateWebhook(workspaceId);
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEventName[]>(['task.created']);
  if (!canManage) return null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ url, events }, { onSuccess: () => setUrl('') });
  };
  const urlError = apiFieldMessage(create.error, 'url');

  return (
    <section
      aria-labelledby="webhooks-heading"
      className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-4 sm:p-6 dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 id="webhooks-heading" className="text-lg font-semibold">
        Webhooks
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Events are POSTed as JSON, signed per Standard Webhooks (<code>webhook-signature</code>), and retried
        five times with backoff.
      </p>
      <form onSubmit={submit} className="flex flex-col gap-3">
        <TextField
          label="Payload URL"
          type="url"
          required
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          error={urlError}
          placeholder="https://example.com/teamflow"
        />
        <EventPicker value={events} onChange={setEvents} />
        {create.error && !urlError ? <FormError message={create.error.message} /> : null}
        <Button type="submit" disabled={create.isPending || events.length === 0} className="self-start">
          Add webhook
        </Button>
      </form>
      {create.data ? (
        <p
          role="status"
          className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-900/30 dark:text-amber-100"
        >
          Signing secret (shown once): <code className="break-all">{create.data.secret}</code>
        </p>
      ) : null}
      {webhooks.data?.items.map((hook) => (
        <WebhookItem key={hook.id} webhook={hook} workspaceId={workspaceId} />
      ))}
    </section>
  );
}
