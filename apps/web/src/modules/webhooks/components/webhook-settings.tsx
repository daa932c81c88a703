'use client';

import { WEBHOOK_EVENTS, type Webhook, type WebhookEventName } from '@teamflow/contracts/webhooks';
import { useState, type FormEvent } from 'react';
import { isApiError } from '@/lib/api-error';
import { Button } from '@/modules/ui/components/button';
import { FormError } from '@/modules/ui/components/form-error';
import { TextField } from '@/modules/ui/components/text-field';
import {
  useCreateWebhook,
  useDeleteWebhook,
  useDeliveries,
  useRedeliver,
  useWebhooks,
} from '../hooks/use-webhooks';

const STATUS_CLASS = {
  pending: 'text-amber-700',
  succeeded: 'text-emerald-700',
  failed: 'text-rose-700',
} as const;

function Deliveries({ webhook }: { webhook: Webhook }) {
  const deliveries = useDeliveries(webhook.id);
  const redeliver = useRedeliver(webhook.id);
  if (deliveries.isPending) return <p className="text-xs text-slate-500">Loading deliveries…</p>;
  if (deliveries.error) return <FormError message={deliveries.error.message} />;
  if (!deliveries.data.items.length) return <p className="text-xs text-slate-500">No deliveries yet.</p>;
  return (
    <table className="w-full text-left text-xs" aria-label={`Deliveries of ${webhook.url}`}>
      <thead>
        <tr className="text-slate-500">
          <th className="py-1">Event</th>
          <th>Status</th>
          <th>Attempts</th>
          <th>Response</th>
          <th>Time</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {deliveries.data.items.map((d) => (
          <tr key={d.id} className="border-t border-slate-100 dark:border-slate-800">
            <td className="py-1 font-mono">{d.event}</td>
            <td className={STATUS_CLASS[d.status]}>{d.status}</td>
            <td>{d.attempts}</td>
            <td title={d.log.at(-1)?.error ?? undefined}>{d.responseStatus ?? d.log.at(-1)?.error ?? '–'}</td>
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
  );
}

/** Workspace settings → Webhooks (owners and admins): add one, see its secret once, follow its deliveries. */
export function WebhookSettings({ workspaceId, canManage }: { workspaceId: string; canManage: boolean }) {
  const webhooks = useWebhooks(workspaceId, canManage);
  const create = useCreateWebhook(workspaceId);
  const remove = useDeleteWebhook(workspaceId);
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEventName[]>(['task.created']);
  if (!canManage) return null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ url, events }, { onSuccess: () => setUrl('') });
  };
  const urlError =
    isApiError(create.error, 400) && Array.isArray(create.error.details)
      ? (create.error.details as { field: string; message: string }[]).find((d) => d.field === 'url')?.message
      : undefined;

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
        <fieldset className="flex flex-wrap gap-3 text-sm">
          <legend className="mb-1 text-sm font-medium">Events</legend>
          {WEBHOOK_EVENTS.map((name) => (
            <label key={name} className="flex items-center gap-1 font-mono text-xs">
              <input
                type="checkbox"
                checked={events.includes(name)}
                onChange={(e) =>
                  setEvents((now) => (e.target.checked ? [...now, name] : now.filter((n) => n !== name)))
                }
              />
              {name}
            </label>
          ))}
        </fieldset>
        {create.error && !urlError ? <FormError message={create.error.message} /> : null}
        <Button type="submit" disabled={create.isPending || events.length === 0} className="self-start">
          Add webhook
        </Button>
      </form>
      {create.data ? (
        <p role="status" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          Signing secret (shown once): <code className="break-all">{create.data.secret}</code>
        </p>
      ) : null}
      {webhooks.data?.items.map((hook) => (
        <div
          key={hook.id}
          className="flex flex-col gap-2 border-t border-slate-200 pt-3 dark:border-slate-700"
        >
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="text-sm">
              <span className="font-mono break-all">{hook.url}</span>{' '}
              <span className="text-xs text-slate-500">{hook.events.join(', ')}</span>
            </p>
            <Button
              variant="secondary"
              onClick={() => remove.mutate(hook.id)}
              aria-label={`Delete webhook ${hook.url}`}
            >
              Delete
            </Button>
          </div>
          <Deliveries webhook={hook} />
        </div>
      ))}
    </section>
  );
}
