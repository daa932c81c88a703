'use client';

import Link from 'next/link';
import { isApiError } from '@/lib/api-error';
import { formatInstant } from '@/lib/local-dates';
import { useTimeZone } from '@/modules/auth/hooks/use-time-zone';
import { MarkdownView } from '@/modules/markdown/components/markdown-view';
import { Button } from '@/modules/ui/components/button';
import { EmptyState } from '@/modules/ui/components/empty-state';
import { SkeletonList } from '@/modules/ui/components/skeleton';
import { showToast } from '@/modules/ui/toast';
import { useCan } from '@/modules/workspaces/hooks/use-permission';
import { useDecision, useUpdateDecision } from '../hooks/use-decisions';
import { AreaPage, Badge, TaskKeyLinks } from './area-page';
import { DECISION_TONE } from './decisions-page';

const ACTIONS = {
  proposed: [
    ['accepted', 'Accept'],
    ['rejected', 'Reject'],
  ],
  accepted: [['deprecated', 'Deprecate']],
  rejected: [],
  deprecated: [],
  superseded: [],
} as const;

/** One decision: its MADR sections, status moves, the supersede chain and linked tasks. */
export function DecisionDetailPage({ workspaceId, decisionId }: { workspaceId: string; decisionId: string }) {
  const zone = useTimeZone();
  const decision = useDecision(decisionId);
  const update = useUpdateDecision(decisionId);
  const canUpdate = useCan(workspaceId, 'decision.update');
  const canCreate = useCan(workspaceId, 'decision.create');
  const d = decision.data;
  return (
    <AreaPage
      workspaceId={workspaceId}
      title={d ? `${d.key} ${d.title}` : 'Decision'}
      back={{ href: `/w/${workspaceId}/decisions`, label: 'Decisions' }}
    >
      {decision.isPending ? (
        <SkeletonList label="Loading the decision" rows={4} />
      ) : !d ? (
        <EmptyState title="Decision not found">It may be in another workspace.</EmptyState>
      ) : (
        <>
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={DECISION_TONE[d.status]} label={`Status: ${d.status}`}>
              {d.status}
            </Badge>
            <span className="text-sm text-slate-600 dark:text-slate-400">
              by {d.author.name} · {formatInstant(d.createdAt, zone)}
              {d.deciders.length ? ` · deciders: ${d.deciders.map((p) => p.name).join(', ')}` : ''}
            </span>
          </div>
          {d.supersedes ? (
            <p className="text-sm">
              Supersedes{' '}
              <Link
                className="text-indigo-700 hover:underline dark:text-indigo-300"
                href={`/w/${workspaceId}/decisions/${d.supersedes.id}`}
              >
                {d.supersedes.key} {d.supersedes.title}
              </Link>
            </p>
          ) : null}
          {d.supersededBy ? (
            <p className="text-sm" data-testid="superseded-by">
              Superseded by{' '}
              <Link
                className="text-indigo-700 hover:underline dark:text-indigo-300"
                href={`/w/${workspaceId}/decisions/${d.supersededBy.id}`}
              >
                {d.supersededBy.key} {d.supersededBy.title}
              </Link>
            </p>
          ) : null}
          {canUpdate || canCreate ? (
            <div className="flex flex-wrap gap-2" role="group" aria-label="Decision actions">
              {canUpdate
                ? ACTIONS[d.status].map(([status, label]) => (
                    <Button
                      key={status}
                      variant="secondary"
                      disabled={update.isPending}
                      onClick={() =>
                        update.mutate(
                          { version: d.version, status },
                          {
                            onError: (error) => {
                              showToast({
                                tone: 'error',
                                title: isApiError(error, 409)
                                  ? 'The decision changed meanwhile'
                                  : 'That did not work',
                                description: error.message,
                              });
                              void decision.refetch();
                            },
                          },
                        )
                      }
                    >
                      {label}
                    </Button>
                  ))
                : null}
              {canCreate && d.status === 'accepted' ? (
                <Link
                  href={`/w/${workspaceId}/decisions?supersedes=${d.id}`}
                  className="inline-flex items-center rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800"
                >
                  Supersede
                </Link>
              ) : null}
            </div>
          ) : null}
          {(
            [
              ['Context', d.context],
              ['Decision', d.decision],
              ['Consequences', d.consequences],
            ] as const
          ).map(([title, text]) =>
            text ? (
              <section key={title} className="flex flex-col gap-1">
                <h2 className="text-lg font-semibold">{title}</h2>
                <MarkdownView source={text} workspaceId={workspaceId} />
              </section>
            ) : null,
          )}
          {d.alternatives.length ? (
            <section className="flex flex-col gap-2">
              <h2 className="text-lg font-semibold">Options considered</h2>
              <ul className="flex flex-col gap-2">
                {d.alternatives.map((a) => (
                  <li
                    key={a.title}
                    className="rounded-md border border-slate-200 p-2 text-sm dark:border-slate-700"
                  >
                    <p className="font-medium">{a.title}</p>
                    {a.pros ? <p>+ {a.pros}</p> : null}
                    {a.cons ? <p>− {a.cons}</p> : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <TaskKeyLinks workspaceId={workspaceId} tasks={d.tasks} />
        </>
      )}
    </AreaPage>
  );
}
