'use client';

import type { DecisionStatus } from '@teamflow/contracts/decisions';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { markdownExcerpt } from '@/modules/markdown/markdown-excerpt';
import { EmptyState } from '@/modules/ui/components/empty-state';
import { FormError } from '@/modules/ui/components/form-error';
import { SelectField } from '@/modules/ui/components/select-field';
import { ShowMoreButton } from '@/modules/ui/components/show-more-button';
import { SkeletonList } from '@/modules/ui/components/skeleton';
import { TextField } from '@/modules/ui/components/text-field';
import { useCan } from '@/modules/workspaces/hooks/use-permission';
import { useDecisions } from '../hooks/use-decisions';
import { AreaPage, Badge, type Tone } from './area-page';
import { DecisionForm } from './decision-form';

export const DECISION_TONE: Record<DecisionStatus, Tone> = {
  proposed: 'amber',
  accepted: 'emerald',
  rejected: 'slate',
  deprecated: 'slate',
  superseded: 'indigo',
};

/** The decision log: filter by status, search, and record a new one (or one that supersedes another). */
export function DecisionsPage({ workspaceId }: { workspaceId: string }) {
  const supersedesId = useSearchParams().get('supersedes') ?? undefined;
  const [status, setStatus] = useState('');
  const [q, setQ] = useState('');
  const decisions = useDecisions(workspaceId, { status: status || undefined, q: q.trim() || undefined });
  const canCreate = useCan(workspaceId, 'decision.create');
  return (
    <AreaPage
      workspaceId={workspaceId}
      title="Decisions"
      intro="Architecture and product decisions, with the context and the options considered."
    >
      {canCreate ? (
        <details
          open={Boolean(supersedesId)}
          className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
        >
          <summary className="cursor-pointer font-semibold">
            {supersedesId ? 'Record the superseding decision' : 'Record a decision'}
          </summary>
          <div className="mt-3">
            <DecisionForm key={supersedesId ?? 'new'} workspaceId={workspaceId} supersedesId={supersedesId} />
          </div>
        </details>
      ) : null}
      <div className="flex flex-wrap items-start gap-3">
        <TextField
          label="Search"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="Words or DEC-3"
        />
        <SelectField
          label="Status"
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          options={[
            ['', 'Any status'],
            ['proposed', 'Proposed'],
            ['accepted', 'Accepted'],
            ['rejected', 'Rejected'],
            ['deprecated', 'Deprecated'],
            ['superseded', 'Superseded'],
          ]}
        />
      </div>
      {decisions.isPending ? (
        <SkeletonList label="Loading decisions" rows={3} />
      ) : decisions.isError && !decisions.items.length ? (
        // A register that could not be read is not an empty one.
        <FormError message={`The decisions could not be loaded: ${decisions.error.message}`} />
      ) : decisions.items.length ? (
        <ul className="flex flex-col gap-3" aria-label="Decisions">
          {decisions.items.map((d) => (
            <li
              key={d.id}
              data-testid="decision"
              className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900"
            >
              <div className="flex flex-wrap items-center gap-2">
                <Link
                  href={`/w/${workspaceId}/decisions/${d.id}`}
                  className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
                >
                  {d.key} {d.title}
                </Link>
                <Badge tone={DECISION_TONE[d.status]}>{d.status}</Badge>
              </div>
              <p className="mt-1 line-clamp-2 text-sm text-slate-600 dark:text-slate-400">
                {markdownExcerpt(d.decision)}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState title={q || status ? 'No decisions match' : 'No decisions yet'}>
          Record the first one above: what you decided, why, and what else you considered.
        </EmptyState>
      )}
      <ShowMoreButton feed={decisions}>Show older decisions</ShowMoreButton>
    </AreaPage>
  );
}
