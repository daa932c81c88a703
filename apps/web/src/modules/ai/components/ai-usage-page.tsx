'use client';

import Link from 'next/link';
import { useState } from 'react';
import { Button } from '@/modules/ui/components/button';
import { EmptyState } from '@/modules/ui/components/empty-state';
import { FormError } from '@/modules/ui/components/form-error';
import { SkeletonList } from '@/modules/ui/components/skeleton';
import { showToast } from '@/modules/ui/toast';
import { useCan } from '@/modules/workspaces/hooks/use-permission';
import { useWorkspace } from '@/modules/workspaces/hooks/use-workspaces';
import { useAiUsage, useSetAiBudget } from '../hooks/use-ai-usage';
import { ProviderBadge } from './provider-badge';

const money = new Intl.NumberFormat('en', { style: 'currency', currency: 'USD', maximumFractionDigits: 4 });
const count = new Intl.NumberFormat('en');

/** Workspace settings → AI: tokens and cost this month against the budget; the owner sets the budget. */
export function AiUsagePage({ workspaceId }: { workspaceId: string }) {
  const { workspace, isPending } = useWorkspace(workspaceId);
  const canRead = useCan(workspaceId, 'ai.usage.read');
  const canSet = useCan(workspaceId, 'ai.budget.update');
  const usage = useAiUsage(workspaceId, canRead);
  const setBudget = useSetAiBudget(workspaceId);
  const [budget, setBudgetInput] = useState('');

  if (!isPending && (!workspace || !canRead)) {
    return (
      <main className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
        <EmptyState title="AI usage is not available">
          You are not a member of this workspace, or it was deleted.
        </EmptyState>
      </main>
    );
  }
  const report = usage.data;
  const share =
    report && report.budgetUsd > 0 ? Math.min(100, (report.spentUsd / report.budgetUsd) * 100) : 100;
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-10 sm:px-6">
      <header className="flex flex-col gap-1">
        <Link
          href={`/w/${workspaceId}`}
          className="text-sm text-indigo-700 hover:underline dark:text-indigo-300"
        >
          ← {workspace?.name ?? 'Workspace'}
        </Link>
        <h1 className="text-2xl font-bold tracking-tight">AI usage</h1>
      </header>
      {usage.error ? (
        <div className="flex flex-col items-start gap-2">
          <FormError message={usage.error.message} />
          <Button variant="secondary" onClick={() => void usage.refetch()}>
            Retry
          </Button>
        </div>
      ) : !report ? (
        <SkeletonList label="Loading AI usage" rows={3} />
      ) : (
        <>
          <section aria-labelledby="ai-budget-heading" className="flex flex-col gap-2">
            <div className="flex flex-wrap items-center gap-2">
              <h2 id="ai-budget-heading" className="text-lg font-semibold">
                This month ({report.month})
              </h2>
              <ProviderBadge source={report.provider} />
            </div>
            <p className="text-sm">
              {money.format(report.spentUsd)} of {money.format(report.budgetUsd)} spent ·{' '}
              {count.format(report.totals.promptTokens + report.totals.completionTokens)} tokens ·{' '}
              {report.totals.calls} calls, {report.totals.cachedCalls} answered from cache
            </p>
            <div
              role="meter"
              aria-label="Budget used"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(share)}
              className="h-2 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
            >
              <div
                className={`h-full ${report.overBudget ? 'bg-rose-500' : 'bg-violet-500'}`}
                style={{ width: `${share}%` }}
              />
            </div>
            {report.overBudget ? (
              <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
                The budget is spent: OpenAI and Anthropic are paused until next month; the local model still
                works.
              </p>
            ) : null}
          </section>
          {canSet ? (
            <form
              className="flex flex-wrap items-end gap-2"
              onSubmit={(event) => {
                event.preventDefault();
                const value = Number(budget);
                if (budget.trim() === '' || !Number.isFinite(value) || value < 0 || value > 100000) {
                  showToast({ tone: 'error', title: 'Enter a budget between $0 and $100,000' });
                  return;
                }
                setBudget.mutate(value, {
                  onSuccess: () => {
                    showToast({ tone: 'success', title: 'Budget saved' });
                    setBudgetInput('');
                  },
                  onError: (error) =>
                    showToast({ tone: 'error', title: 'Budget not saved', description: error.message }),
                });
              }}
            >
              <label className="flex flex-col gap-1 text-sm">
                Monthly budget (USD)
                <input
                  inputMode="decimal"
                  value={budget}
                  placeholder={String(report.budgetUsd)}
                  onChange={(event) => setBudgetInput(event.target.value)}
                  className="w-40 rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-600 dark:bg-slate-900"
                />
              </label>
              <Button type="submit" disabled={setBudget.isPending}>
                Save budget
              </Button>
            </form>
          ) : (
            <p className="text-sm text-slate-600 dark:text-slate-400">
              Only the owner can change the budget.
            </p>
          )}
          <UsageTable
            title="By provider"
            rows={report.byProvider.map((r) => ({ name: `${r.provider} · ${r.model}`, ...r }))}
          />
          <UsageTable title="By feature" rows={report.byFeature.map((r) => ({ name: r.feature, ...r }))} />
        </>
      )}
    </main>
  );
}

function UsageTable({
  title,
  rows,
}: {
  title: string;
  rows: {
    name: string;
    calls: number;
    cachedCalls: number;
    promptTokens: number;
    completionTokens: number;
    costUsd: number;
  }[];
}) {
  return (
    <section className="flex flex-col gap-2">
      <h2 className="text-lg font-semibold">{title}</h2>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No AI calls this month.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-slate-600 dark:text-slate-400">
              <tr>
                <th className="py-1 pr-3">Name</th>
                <th className="pr-3">Calls</th>
                <th className="pr-3">Cached</th>
                <th className="pr-3">Tokens</th>
                <th>Cost</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.name} className="border-t border-slate-200 dark:border-slate-700">
                  <td className="py-1 pr-3">{r.name}</td>
                  <td className="pr-3">{r.calls}</td>
                  <td className="pr-3">{r.cachedCalls}</td>
                  <td className="pr-3">{count.format(r.promptTokens + r.completionTokens)}</td>
                  <td>{money.format(r.costUsd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
