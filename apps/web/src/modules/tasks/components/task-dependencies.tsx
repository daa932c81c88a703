'use client';

import type { Task, TaskDependencies as Deps } from '@teamflow/contracts/tasks';
import { useId, useMemo, useState } from 'react';
import { isApiError } from '@/lib/api-error';
import { STATUS_LABEL } from '../task-status';
import { Button } from '@/modules/ui/components/button';
import { FormError } from '@/modules/ui/components/form-error';
import { Skeleton } from '@/modules/ui/components/skeleton';
import { useDependencies, useDependencyMutations, type DependencyKind } from '../hooks/use-dependencies';

const MAX_RESULTS = 8;
type Linked = Deps['dependsOn'][number];

function explain(error: unknown, kind: DependencyKind, other: Task | undefined, task: Task): string {
  if (isApiError(error, 409)) {
    const otherKey = other?.key ?? 'that task';
    return kind === 'blocked-by'
      ? `${task.key} cannot be blocked by ${otherKey}: ${otherKey} already waits for ${task.key} (directly or through other tasks), so this would make a cycle.`
      : `${task.key} cannot block ${otherKey}: ${task.key} already waits for ${otherKey} (directly or through other tasks), so this would make a cycle.`;
  }
  return error instanceof Error ? error.message : 'The dependency was not saved.';
}

function LinkedList({
  title,
  items,
  kind,
  readOnly,
  onRemove,
  busy,
}: {
  title: string;
  items: Linked[];
  kind: DependencyKind;
  readOnly: boolean;
  onRemove: (item: Linked, kind: DependencyKind) => void;
  busy: boolean;
}) {
  return (
    <div>
      <h4 className="text-xs font-semibold tracking-wide text-slate-500 dark:text-slate-400 uppercase">
        {title}
      </h4>
      {items.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">None</p>
      ) : (
        <ul aria-label={title} className="flex flex-col gap-1">
          {items.map((item) => (
            <li key={item.id} className="flex items-center gap-2 text-sm">
              <span className="font-mono text-xs text-slate-500 dark:text-slate-400">{item.key}</span>
              <span
                className={`min-w-0 flex-1 truncate ${item.status === 'done' ? 'text-slate-500 dark:text-slate-400 line-through' : ''}`}
              >
                {item.title}
              </span>
              <span className="text-xs text-slate-500 dark:text-slate-400">{STATUS_LABEL[item.status]}</span>
              {readOnly ? null : (
                <button
                  type="button"
                  disabled={busy}
                  aria-label={`Remove ${kind === 'blocked-by' ? 'blocked by' : 'blocks'} ${item.key}`}
                  onClick={() => onRemove(item, kind)}
                  className="rounded px-1.5 text-slate-500 dark:text-slate-400 hover:bg-slate-100 hover:text-rose-700 dark:hover:bg-slate-800"
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** "Blocked by" and "blocks" lists, and a picker that searches the project's tasks to add one. */
export function TaskDependencies({
  task,
  tasks,
  readOnly,
}: {
  task: Task;
  tasks: Task[];
  readOnly: boolean;
}) {
  const deps = useDependencies(task.id);
  const { add, remove } = useDependencyMutations(task.id);
  const [kind, setKind] = useState<DependencyKind>('blocked-by');
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string>();
  const ids = useId();

  const linked = useMemo(
    () => new Set([...(deps.data?.dependsOn ?? []), ...(deps.data?.blocks ?? [])].map((d) => d.id)),
    [deps.data],
  );
  const results = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    return tasks
      .filter((t) => t.id !== task.id && !linked.has(t.id) && t.status !== 'archived')
      .filter((t) => t.key.toLowerCase().includes(q) || t.title.toLowerCase().includes(q))
      .slice(0, MAX_RESULTS);
  }, [query, tasks, task.id, linked]);

  const pick = (other: Task) => {
    setError(undefined);
    add.mutate(
      { otherId: other.id, kind },
      {
        onSuccess: () => setQuery(''),
        onError: (e) => setError(explain(e, kind, other, task)),
      },
    );
  };
  const unlink = (item: Linked, which: DependencyKind) => {
    setError(undefined);
    remove.mutate(
      { otherId: item.id, kind: which },
      { onError: (e) => setError(e instanceof Error ? e.message : 'Not removed') },
    );
  };

  return (
    <section aria-labelledby={`${ids}-heading`} className="flex flex-col gap-3">
      <h3 id={`${ids}-heading`} className="text-sm font-semibold">
        Dependencies
      </h3>
      {deps.isPending ? (
        <Skeleton className="h-12 w-full" />
      ) : deps.error ? (
        <div className="flex items-center gap-2">
          <FormError message={`Dependencies not loaded: ${deps.error.message}`} />
          <Button variant="secondary" onClick={() => void deps.refetch()}>
            Retry
          </Button>
        </div>
      ) : (
        <div className="flex flex-col gap-3">
          <LinkedList
            title="Blocked by"
            items={deps.data.dependsOn}
            kind="blocked-by"
            readOnly={readOnly}
            onRemove={unlink}
            busy={remove.isPending}
          />
          <LinkedList
            title="Blocks"
            items={deps.data.blocks}
            kind="blocks"
            readOnly={readOnly}
            onRemove={unlink}
            busy={remove.isPending}
          />
        </div>
      )}
      <FormError message={error} />
      {readOnly ? null : (
        <div className="flex flex-col gap-2 rounded-md border border-slate-200 p-2 dark:border-slate-700">
          <div className="flex flex-wrap gap-2">
            <label htmlFor={`${ids}-kind`} className="sr-only">
              Relation
            </label>
            <select
              id={`${ids}-kind`}
              value={kind}
              onChange={(event) => setKind(event.target.value as DependencyKind)}
              className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
            >
              <option value="blocked-by">Blocked by</option>
              <option value="blocks">Blocks</option>
            </select>
            <input
              type="search"
              aria-label="Find a task to link"
              aria-controls={`${ids}-results`}
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              placeholder="Key or title"
              className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
            />
          </div>
          <ul id={`${ids}-results`} aria-label="Matching tasks" className="flex flex-col">
            {query.trim() && results.length === 0 ? (
              <li className="px-1 text-sm text-slate-500 dark:text-slate-400">
                No other task in this project matches.
              </li>
            ) : null}
            {results.map((t) => (
              <li key={t.id}>
                <button
                  type="button"
                  disabled={add.isPending}
                  onClick={() => pick(t)}
                  className="flex w-full items-center gap-2 rounded px-1 py-1 text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
                >
                  <span className="font-mono text-xs text-slate-500 dark:text-slate-400">{t.key}</span>
                  <span className="flex-1 truncate">{t.title}</span>
                  <span className="sr-only">
                    {kind === 'blocked-by' ? `: ${task.key} is blocked by this` : `: ${task.key} blocks this`}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
