'use client';

import { useState, type FormEvent } from 'react';
import { Button } from '@/modules/ui/components/button';
import { FormError } from '@/modules/ui/components/form-error';
import { TextField } from '@/modules/ui/components/text-field';
import { useApiTokenMutations, useApiTokens, useCalendarFeed } from '../hooks/use-access';

const panel =
  'flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:p-6 dark:border-slate-700 dark:bg-slate-900';

function ApiTokens() {
  const tokens = useApiTokens();
  const { create, revoke } = useApiTokenMutations();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<'read' | 'write'>('read');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ name, scope }, { onSuccess: () => setName('') });
  };
  return (
    <section aria-labelledby="api-tokens" className={panel}>
      <h2 id="api-tokens" className="text-lg font-semibold">
        API tokens
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        For scripts: send <code>Authorization: Bearer tf_pat_…</code>. A read token cannot change anything.
      </p>
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
        <TextField label="Token name" required value={name} onChange={(e) => setName(e.target.value)} />
        <label className="flex flex-col gap-1 text-sm font-medium">
          Scope
          <select
            value={scope}
            onChange={(e) => setScope(e.target.value as 'read' | 'write')}
            className="rounded-md border border-slate-300 px-2 py-2 dark:border-slate-600 dark:bg-slate-900"
          >
            <option value="read">read</option>
            <option value="write">write</option>
          </select>
        </label>
        <Button type="submit" disabled={create.isPending}>
          Create token
        </Button>
      </form>
      <FormError message={create.error?.message} />
      {create.data ? (
        <div
          role="status"
          className="flex flex-wrap items-center gap-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900"
        >
          Copy it now, it is shown once: <code className="break-all">{create.data.token}</code>
          <Button variant="secondary" onClick={() => void navigator.clipboard.writeText(create.data.token)}>
            Copy
          </Button>
        </div>
      ) : null}
      <ul className="divide-y divide-slate-200 dark:divide-slate-700">
        {tokens.data?.items.map((t) => (
          <li key={t.id} className="flex items-center justify-between gap-2 py-2 text-sm">
            <span>
              <strong>{t.name}</strong> <code className="text-xs">{t.prefix}…</code> · {t.scope} ·{' '}
              {t.lastUsedAt ? `last used ${new Date(t.lastUsedAt).toLocaleString()}` : 'never used'}
            </span>
            <Button variant="secondary" onClick={() => revoke.mutate(t.id)} aria-label={`Revoke ${t.name}`}>
              Revoke
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function CalendarLink() {
  const { feed, rotate } = useCalendarFeed();
  return (
    <section aria-labelledby="calendar-feed" className={panel}>
      <h2 id="calendar-feed" className="text-lg font-semibold">
        Calendar feed
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Subscribe in your calendar app to see the tasks assigned to you on their due dates. Anyone with the
        link can read it: rotate it if it leaks.
      </p>
      {feed.data ? (
        <code className="break-all text-sm">{feed.data.url}</code>
      ) : (
        <FormError message={feed.error?.message} />
      )}
      <div className="flex gap-2">
        <Button
          variant="secondary"
          disabled={!feed.data}
          onClick={() => feed.data && void navigator.clipboard.writeText(feed.data.url)}
        >
          Copy link
        </Button>
        <Button variant="secondary" disabled={rotate.isPending} onClick={() => rotate.mutate()}>
          Rotate link
        </Button>
      </div>
    </section>
  );
}

/** `/profile/access`: personal API tokens (create, copy once, revoke) and the calendar link (copy, rotate). */
export function AccessSettings() {
  return (
    <>
      <ApiTokens />
      <CalendarLink />
    </>
  );
}
