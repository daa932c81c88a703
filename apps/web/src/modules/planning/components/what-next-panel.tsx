'use client';

import type { AiRequest } from '@teamflow/contracts/ai';
import Link from 'next/link';
import { useState } from 'react';
import { AiError } from '@/modules/ai/components/ai-error';
import { ProviderBadge } from '@/modules/ai/components/provider-badge';
import { useAiJob, useStartAiJob } from '@/modules/ai/hooks/use-ai-job';
import { Button } from '@/modules/ui/components/button';
import { showToast } from '@/modules/ui/toast';
import { useCan } from '@/modules/workspaces/hooks/use-permission';
import { useStartTask } from '../hooks/use-start-task';

/**
 * "What next": a short ranked list of the caller's own open tasks with the reasons behind each
 * (the local model's scoring rule, or a remote model), and "Start" to take one.
 */
export function WhatNextPanel({ workspaceId }: { workspaceId: string }) {
  const canUse = useCan(workspaceId, 'ai.use');
  const start = useStartAiJob(`/workspaces/${workspaceId}/ai/next`);
  const [jobId, setJobId] = useState<string>();
  const job = useAiJob(jobId);
  const startTask = useStartTask();
  const [started, setStarted] = useState<Set<string>>(new Set());
  if (!canUse) return null;

  const ask = async (body: AiRequest = {}) => {
    try {
      const accepted = await start.mutateAsync(body);
      setJobId(accepted.jobId);
    } catch {
      // Shown below from start.error (429 over the hourly limit, 402 over budget).
    }
  };
  const result = job.data?.kind === 'next' && job.data.state === 'completed' ? job.data.result : undefined;
  const failure = start.error ?? (job.data?.state === 'failed' ? job.data.error : undefined);
  const running =
    start.isPending || (jobId !== undefined && !job.data?.finishedAt && job.data?.state !== 'failed');

  const take = async (taskId: string, key: string) => {
    try {
      await startTask.mutateAsync(taskId);
      setStarted((s) => new Set(s).add(taskId));
      showToast({ tone: 'success', title: `${key} is in progress` });
    } catch (error) {
      showToast({ tone: 'error', title: `Could not start ${key}`, description: (error as Error).message });
    }
  };

  return (
    <section
      aria-labelledby="what-next-title"
      className="flex flex-col gap-3 rounded-lg border border-slate-200 p-4 dark:border-slate-700"
    >
      <div className="flex items-center justify-between gap-2">
        <h2 id="what-next-title" className="text-lg font-semibold">
          What next
        </h2>
        <Button variant="secondary" onClick={() => void ask()} disabled={running}>
          {result ? 'Ask again' : 'Suggest what to take next'}
        </Button>
      </div>
      {running ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Weighing your open tasks…</p>
      ) : null}
      {failure ? (
        <AiError
          error={failure}
          onRetry={() => void ask()}
          onUseLocal={() => void ask({ provider: 'local' })}
        />
      ) : null}
      {result ? (
        result.items.length === 0 ? (
          <p className="text-sm">Nothing open is assigned to you here.</p>
        ) : (
          <>
            <ol aria-label="Suggested next tasks" className="flex flex-col gap-2">
              {result.items.map((item) => (
                <li
                  key={item.taskId}
                  className="flex items-start justify-between gap-3 rounded-md bg-slate-50 p-2 dark:bg-slate-800"
                >
                  <div className="flex flex-col gap-1">
                    <Link href={`/w/${workspaceId}/t/${item.taskId}`} className="font-medium hover:underline">
                      {item.rank}. {item.key} {item.title}
                    </Link>
                    <ul className="flex flex-wrap gap-1 text-xs" aria-label={`Why ${item.key}`}>
                      {item.reasons.map((r) => (
                        <li
                          key={r.kind + r.text}
                          className="rounded bg-white px-1.5 py-0.5 text-slate-700 dark:bg-slate-900 dark:text-slate-300"
                        >
                          {r.text}
                        </li>
                      ))}
                    </ul>
                  </div>
                  <Button
                    variant="ghost"
                    onClick={() => void take(item.taskId, item.key)}
                    disabled={started.has(item.taskId) || item.reasons.some((r) => r.kind === 'in_progress')}
                    aria-label={`Start ${item.key}`}
                  >
                    {started.has(item.taskId) ? 'Started' : 'Start'}
                  </Button>
                </li>
              ))}
            </ol>
            <ProviderBadge source={result.source} />
          </>
        )
      ) : null}
    </section>
  );
}
