'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { formatInstant, formatLocalDate } from '@/lib/local-dates';
import { teamMoodLine } from '@/modules/async-updates/team-mood';
import { useTimeZone } from '@/modules/auth/hooks/use-time-zone';
import { MarkdownView } from '@/modules/markdown/components/markdown-view';
import { Button } from '@/modules/ui/components/button';
import { EmptyState } from '@/modules/ui/components/empty-state';
import { ShowMoreButton } from '@/modules/ui/components/show-more-button';
import { SkeletonList } from '@/modules/ui/components/skeleton';
import { showToast } from '@/modules/ui/toast';
import { useCan } from '@/modules/workspaces/hooks/use-permission';
import { useDigest, useDigests, useRegenerateDigest } from '../hooks/use-decisions';
import { AreaPage, Badge, TaskKeyLinks } from './area-page';

/** The daily digests: pick a day; its summary (and who wrote it) and its sections. */
export function DigestPage({ workspaceId }: { workspaceId: string }) {
  const zone = useTimeZone();
  const digests = useDigests(workspaceId);
  const wanted = useSearchParams().get('date');
  const regenerate = useRegenerateDigest(workspaceId);
  const canRegenerate = useCan(workspaceId, 'digest.regenerate');
  const items = digests.items;
  const listed = wanted ? items.find((d) => d.date === wanted) : undefined;
  // A link to a day older than the pages read (a digest email's) reads that day on its own.
  const lookUp = wanted !== null && digests.isSuccess && !listed;
  const day = useDigest(workspaceId, wanted ?? '', lookUp);
  const waiting = digests.isPending || (lookUp && day.isPending);
  // A day without a digest falls back to the newest.
  const digest = listed ?? (lookUp ? day.data : undefined) ?? items[0];
  return (
    <AreaPage
      workspaceId={workspaceId}
      title="Digest"
      intro="One page per day: check-ins, blockers, incidents, decisions and finished work."
    >
      {waiting ? (
        <SkeletonList label="Loading digests" rows={4} />
      ) : !digest ? (
        <EmptyState title="No digest yet">
          The first one is written after today’s digest time (set in the check-in settings).
        </EmptyState>
      ) : (
        <div className="flex flex-col gap-6 md:flex-row">
          <nav aria-label="Digest days" className="md:w-48">
            <ul className="flex gap-2 overflow-x-auto md:flex-col">
              {items.map((d) => (
                <li key={d.date} className="shrink-0">
                  <Link
                    href={`/w/${workspaceId}/digest?date=${d.date}`}
                    aria-current={d.date === digest.date ? 'page' : undefined}
                    className="block rounded-md px-2 py-1 text-sm hover:bg-slate-100 aria-[current=page]:bg-indigo-50 aria-[current=page]:font-semibold dark:hover:bg-slate-800 dark:aria-[current=page]:bg-indigo-950"
                  >
                    {formatLocalDate(d.date, 'medium')}
                  </Link>
                </li>
              ))}
            </ul>
            <ShowMoreButton feed={digests}>Show older digests</ShowMoreButton>
          </nav>
          <article className="flex min-w-0 flex-1 flex-col gap-4" data-testid="digest">
            <div className="flex flex-wrap items-center gap-2">
              <h2 className="text-xl font-semibold">{formatLocalDate(digest.date, 'long')}</h2>
              <Badge tone="indigo" label={`Summary written by ${digest.provider}`}>
                {digest.provider === 'template' ? 'Template' : `AI: ${digest.provider}`}
              </Badge>
              <span className="text-xs text-slate-500 dark:text-slate-400">
                made {formatInstant(digest.generatedAt, zone)}
              </span>
              {canRegenerate ? (
                <Button
                  variant="ghost"
                  disabled={regenerate.isPending}
                  onClick={() =>
                    regenerate.mutate(digest.date, {
                      onSuccess: () =>
                        showToast({
                          tone: 'success',
                          title: 'Regenerating',
                          description: 'The page updates when it is ready.',
                        }),
                    })
                  }
                >
                  Regenerate
                </Button>
              ) : null}
            </div>
            <MarkdownView source={digest.summary} workspaceId={workspaceId} />
            <dl className="grid gap-3 sm:grid-cols-3">
              <div className="rounded-lg border border-slate-200 p-3 dark:border-slate-700">
                <dt className="text-sm font-medium">Blockers</dt>
                <dd className="text-sm">
                  {digest.sections.blockers.opened} opened · {digest.sections.blockers.open} open ·{' '}
                  {digest.sections.blockers.unacknowledged} unacknowledged ·{' '}
                  {digest.sections.blockers.escalated} escalated
                </dd>
              </div>
              <div className="rounded-lg border border-slate-200 p-3 dark:border-slate-700">
                <dt className="text-sm font-medium">Incidents</dt>
                <dd className="text-sm">
                  {digest.sections.incidents.declared} declared · {digest.sections.incidents.open} open ·{' '}
                  {digest.sections.incidents.resolved} resolved
                </dd>
              </div>
              <div className="rounded-lg border border-slate-200 p-3 dark:border-slate-700">
                <dt className="text-sm font-medium">Team mood</dt>
                <dd className="text-sm">
                  {teamMoodLine(digest.sections.moodAverage, digest.sections.moodCount)}
                </dd>
              </div>
            </dl>
            <section className="flex flex-col gap-1">
              <h3 className="font-semibold">Check-ins ({digest.sections.updates.length})</h3>
              <p className="text-sm">
                Missing: {digest.sections.missing.map((p) => p.name).join(', ') || 'nobody'} · Away:{' '}
                {digest.sections.away.map((p) => p.name).join(', ') || 'nobody'}
              </p>
              <ul className="flex flex-col gap-2">
                {digest.sections.updates.map((u) => (
                  <li
                    key={u.id}
                    className="rounded-md border border-slate-200 p-2 text-sm dark:border-slate-700"
                  >
                    <p className="font-medium">{u.user.name}</p>
                    <MarkdownView
                      source={[u.done, u.doing].filter((t) => t.trim()).join('\n\n')}
                      workspaceId={workspaceId}
                    />
                  </li>
                ))}
              </ul>
            </section>
            <section className="flex flex-col gap-1">
              <h3 className="font-semibold">Decisions</h3>
              {digest.sections.decisions.length ? (
                <ul className="text-sm">
                  {digest.sections.decisions.map((d) => (
                    <li key={d.id}>
                      <Link
                        className="text-indigo-700 hover:underline dark:text-indigo-300"
                        href={`/w/${workspaceId}/decisions/${d.id}`}
                      >
                        {d.key} {d.title}
                      </Link>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-slate-500 dark:text-slate-400">None that day.</p>
              )}
            </section>
            <section className="flex flex-col gap-1">
              <h3 className="font-semibold">Tasks completed</h3>
              {digest.sections.tasksCompleted.length ? (
                <TaskKeyLinks workspaceId={workspaceId} tasks={digest.sections.tasksCompleted} />
              ) : (
                <p className="text-sm text-slate-500 dark:text-slate-400">None that day.</p>
              )}
            </section>
          </article>
        </div>
      )}
    </AreaPage>
  );
}
