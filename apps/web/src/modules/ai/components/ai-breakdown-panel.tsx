'use client';

import type { SuggestionOrigin } from '@teamflow/contracts/ai';
import type { Task } from '@teamflow/contracts/tasks';
import { useState } from 'react';
import { Button } from '@/modules/ui/components/button';
import { showToast } from '@/modules/ui/toast';
import { useCan } from '@/modules/workspaces/hooks/use-permission';
import { useAcceptBreakdown } from '../hooks/use-accept-breakdown';
import { useAiJob, useStartAiJob } from '../hooks/use-ai-job';
import { AiError, describeAiError } from './ai-error';
import { AiProgress } from './ai-progress';
import { ProviderBadge } from './provider-badge';

/** In the task drawer: "Break down with AI" → progress → suggestions to tick → "Create N sub-tasks". */
export function AiBreakdownPanel({ task }: { task: Task }) {
  const canUse = useCan(task.workspaceId, 'ai.use');
  const start = useStartAiJob(`/tasks/${task.id}/ai-breakdown`);
  const [jobId, setJobId] = useState<string>();
  const job = useAiJob(jobId);
  const accept = useAcceptBreakdown(task.id);
  const [picked, setPicked] = useState<Set<number>>(new Set());

  if (!canUse) return null;
  const run = (provider?: 'local') => {
    setPicked(new Set());
    setJobId(undefined);
    start.mutate(provider ? { provider } : {}, { onSuccess: ({ jobId: id }) => setJobId(id) });
  };
  const result =
    job.data?.kind === 'breakdown' && job.data.state === 'completed' ? job.data.result : undefined;
  const failure = start.error
    ? describeAiError(start.error)
    : job.data?.state === 'failed'
      ? (job.data.error ?? { message: 'The AI job failed' })
      : job.error
        ? describeAiError(job.error)
        : undefined;
  const running = start.isPending || (jobId !== undefined && !result && !failure);

  return (
    <section
      aria-labelledby="ai-breakdown-heading"
      className="mt-6 flex flex-col gap-3 rounded-lg border border-violet-200 p-3 dark:border-violet-900"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="ai-breakdown-heading" className="text-sm font-semibold">
          AI breakdown
        </h3>
        {result ? <ProviderBadge source={result.source} /> : null}
      </div>
      {failure ? (
        <AiError error={failure} onRetry={() => run()} onUseLocal={() => run('local')} />
      ) : running ? (
        <AiProgress job={job.data} label="Breaking down" />
      ) : result ? (
        <form
          className="flex flex-col gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (!jobId || picked.size === 0) return;
            accept.mutate(
              { jobId, indexes: [...picked] },
              {
                onSuccess: ({ items }) => {
                  showToast({
                    tone: 'success',
                    title: `Created ${items.length} sub-task${items.length === 1 ? '' : 's'}`,
                  });
                  setJobId(undefined);
                  setPicked(new Set());
                },
                onError: (error) =>
                  showToast({ tone: 'error', title: 'Sub-tasks not created', description: error.message }),
              },
            );
          }}
        >
          <ul className="flex flex-col gap-2" aria-label="Suggested sub-tasks">
            {result.suggestions.map((s, i) => (
              <li key={`${s.order}-${s.title}`} className="flex items-start gap-2 text-sm">
                <input
                  id={`ai-suggestion-${i}`}
                  type="checkbox"
                  className="mt-1"
                  checked={picked.has(i)}
                  onChange={(event) => {
                    const next = new Set(picked);
                    if (event.target.checked) next.add(i);
                    else next.delete(i);
                    setPicked(next);
                  }}
                />
                <label htmlFor={`ai-suggestion-${i}`} className="flex flex-1 flex-col">
                  <span className="font-medium">{s.title}</span>
                  <span className="text-xs text-slate-600 dark:text-slate-400">
                    {s.estimatedHours} h · {Math.round(s.confidence * 100)}% confidence
                    {/* A step read from the description shows its phrase below instead of repeating it here. */}
                    {s.description && s.origin?.kind !== 'description' ? ` · ${s.description}` : ''}
                  </span>
                  {s.origin ? <OriginNote origin={s.origin} /> : null}
                </label>
              </li>
            ))}
          </ul>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" disabled={picked.size === 0 || accept.isPending}>
              {accept.isPending
                ? 'Creating…'
                : `Create ${picked.size} sub-task${picked.size === 1 ? '' : 's'}`}
            </Button>
            <Button variant="ghost" onClick={() => setJobId(undefined)}>
              Dismiss
            </Button>
          </div>
        </form>
      ) : (
        <div className="flex flex-col items-start gap-1">
          <Button variant="secondary" onClick={() => run()}>
            ✦ Break down with AI
          </Button>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            Suggests sub-tasks; you pick which to create.
          </p>
        </div>
      )}
    </section>
  );
}

/**
 * Where a suggestion came from, so people can judge it before accepting it: the words of the
 * task's own description it was read from, or the playbook of the kind of work it follows.
 */
function OriginNote({ origin }: { origin: SuggestionOrigin }) {
  return origin.kind === 'description' ? (
    <span className="text-xs text-slate-600 dark:text-slate-400">
      From the description: <q className="italic">{origin.phrase}</q>
    </span>
  ) : (
    <span className="text-xs text-slate-600 dark:text-slate-400">
      Usual step for {origin.playbook} (playbook)
    </span>
  );
}
