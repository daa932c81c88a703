'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/modules/ui/components/button';
import { useCan } from '@/modules/workspaces/hooks/use-permission';
import { useAiJob, useStartAiJob } from '../hooks/use-ai-job';
import { AiError, describeAiError } from './ai-error';
import { AiProgress } from './ai-progress';
import { ProviderBadge } from './provider-badge';

type View = 'prioritize' | 'summarize';

/** On the board: "Prioritise backlog" (a ranked list with reasons) and "Summarise project". */
export function AiProjectPanel({ workspaceId, projectId }: { workspaceId: string; projectId: string }) {
  const canUse = useCan(workspaceId, 'ai.use');
  const pathname = usePathname();
  const [view, setView] = useState<View>();
  const [jobId, setJobId] = useState<string>();
  const prioritize = useStartAiJob(`/projects/${projectId}/ai-prioritize`);
  const summarize = useStartAiJob(`/projects/${projectId}/ai-summary`);
  const job = useAiJob(jobId);
  if (!canUse) return null;

  const run = (next: View, provider?: 'local') => {
    setView(next);
    setJobId(undefined);
    (next === 'prioritize' ? prioritize : summarize).mutate(provider ? { provider } : {}, {
      onSuccess: ({ jobId: id }) => setJobId(id),
    });
  };
  const starting = view === 'prioritize' ? prioritize : summarize;
  const done = job.data?.state === 'completed' ? job.data : undefined;
  const ranking = view === 'prioritize' && done?.kind === 'prioritize' ? done.result : undefined;
  const summary = view === 'summarize' && done?.kind === 'summarize' ? done.result : undefined;
  const failure = starting.error
    ? describeAiError(starting.error)
    : job.data?.state === 'failed'
      ? (job.data.error ?? { message: 'The AI job failed' })
      : undefined;
  const source = ranking?.source ?? summary?.source;

  return (
    <section
      aria-label="AI for this project"
      className="mx-4 flex flex-col gap-3 rounded-lg border border-violet-200 p-3 sm:mx-6 dark:border-violet-900"
    >
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="secondary" onClick={() => run('prioritize')} disabled={starting.isPending}>
          ✦ Prioritise backlog
        </Button>
        <Button variant="secondary" onClick={() => run('summarize')} disabled={starting.isPending}>
          ✦ Summarise project
        </Button>
        {source ? <ProviderBadge source={source} /> : null}
        {view ? (
          <Button
            variant="ghost"
            className="ml-auto"
            onClick={() => {
              setView(undefined);
              setJobId(undefined);
            }}
          >
            Close
          </Button>
        ) : null}
      </div>
      {!view ? null : failure ? (
        <AiError error={failure} onRetry={() => run(view)} onUseLocal={() => run(view, 'local')} />
      ) : ranking ? (
        ranking.items.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">No open tasks to rank.</p>
        ) : (
          <ol aria-label="Prioritised backlog" className="flex flex-col gap-2">
            {ranking.items.map((item) => (
              <li key={item.taskId} className="flex gap-3 text-sm">
                <span className="w-6 shrink-0 text-right font-semibold text-violet-700 dark:text-violet-300">
                  {item.rank}.
                </span>
                <span className="flex flex-col">
                  <Link
                    href={`${pathname}?task=${item.taskId}`}
                    scroll={false}
                    className="font-medium hover:underline"
                  >
                    <span className="mr-1 font-mono text-xs text-slate-500 dark:text-slate-400">
                      {item.key}
                    </span>
                    {item.title}
                  </Link>
                  <span className="text-xs text-slate-600 dark:text-slate-400">{item.reason}</span>
                </span>
              </li>
            ))}
          </ol>
        )
      ) : summary ? (
        <div className="flex flex-col gap-2 text-sm">
          <h2 className="font-semibold">Project summary</h2>
          <p>{summary.summary}</p>
          {summary.highlights.length ? (
            <ul aria-label="Highlights" className="list-disc pl-5">
              {summary.highlights.map((h) => (
                <li key={h}>{h}</li>
              ))}
            </ul>
          ) : null}
          {summary.risks.length ? (
            <ul aria-label="Risks" className="list-disc pl-5 text-rose-800 dark:text-rose-300">
              {summary.risks.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          ) : (
            <p className="text-slate-600 dark:text-slate-400">No risks found.</p>
          )}
        </div>
      ) : (
        <AiProgress job={job.data} label={view === 'prioritize' ? 'Ranking the backlog' : 'Summarising'} />
      )}
    </section>
  );
}
