'use client';

import { ACHIEVEMENTS, type LeaderboardPeriod, type Progress } from '@teamflow/contracts/progress';
import { useState } from 'react';
import { formatLocalDate, todayIn } from '@/lib/local-dates';
import { useTimeZone } from '@/modules/auth/hooks/use-time-zone';
import { EmptyState } from '@/modules/ui/components/empty-state';
import { FormError } from '@/modules/ui/components/form-error';
import { SkeletonList } from '@/modules/ui/components/skeleton';
import { useCan } from '@/modules/workspaces/hooks/use-permission';
import { useLeaderboard, useMyProgress, useUpdateProgressSettings } from '../hooks/use-progress';
import { AchievementIcon } from './achievement-icon';
import { LevelRing } from './level-ring';
import { FlameIcon, INLINE_ICON, LogIcon, SnowflakeIcon } from './progress-icons';
import { QuestBar } from './quest-bar';
import { XpByDayChart } from './xp-by-day-chart';

const KIND: Record<string, string> = {
  task_done: 'Task done',
  status_update: 'Status update',
  decision_accepted: 'Decision accepted',
  incident_resolved: 'Incident resolved',
  sprint_bonus: 'Sprint bonus',
};
const WHY: Record<string, string> = {
  earned: '',
  self_farm: '0: created and closed by the same person within 10 minutes',
  daily_cap: 'cut: past 200 XP in your day',
};

/** One snowflake per freeze; a screen reader hears the number instead. */
function Freezes({ count }: { count: number }) {
  return (
    <>
      <span className="sr-only">{count}</span>
      {Array.from({ length: count }, (_, i) => (
        <SnowflakeIcon key={i} className={`${INLINE_ICON} text-sky-600 dark:text-sky-400`} />
      ))}
    </>
  );
}

function Streak({ streak }: { streak: Progress['streak'] }) {
  return (
    <div className="flex flex-col gap-1" data-testid="streak">
      {streak.current > 0 ? (
        <FlameIcon className="h-9 w-9 text-orange-600 dark:text-orange-400" />
      ) : (
        <LogIcon className="h-9 w-9 text-amber-800 dark:text-amber-600" />
      )}
      <span className="font-semibold">
        {streak.current} workday{streak.current === 1 ? '' : 's'} in a row
      </span>
      <span className="text-xs text-slate-600 dark:text-slate-400">
        Longest {streak.longest} · {streak.freezes > 0 ? <Freezes count={streak.freezes} /> : 'no'} freeze
        {streak.freezes === 1 ? '' : 's'}
        {streak.lastActiveDate ? ` · last ${formatLocalDate(streak.lastActiveDate)}` : ''}
      </span>
    </div>
  );
}

function Achievements({ unlocked }: { unlocked: Progress['achievements'] }) {
  const have = new Map(unlocked.map((a) => [a.id, a]));
  return (
    <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3 md:grid-cols-4" aria-label="Achievements">
      {ACHIEVEMENTS.map((a) => {
        const got = have.get(a.id);
        return (
          <li
            key={a.id}
            data-unlocked={got ? 'true' : 'false'}
            className={`flex flex-col gap-1 rounded-md border p-2 text-sm ${got ? 'border-amber-300 bg-amber-50 dark:border-amber-700 dark:bg-amber-900/30' : 'border-dashed border-slate-300 dark:border-slate-700'}`}
          >
            <AchievementIcon
              id={a.id}
              className={`h-8 w-8 ${got ? 'text-amber-600 dark:text-amber-400' : 'text-slate-400 dark:text-slate-500'}`}
            />
            {/* Locked reads as muted by its grey picture, dashed edge and softer name, not by fading
                the whole tile: faded, its small text fell below a readable contrast. */}
            <span className={got ? 'font-medium' : 'font-medium text-slate-600 dark:text-slate-300'}>
              {a.name}
            </span>
            <span className="text-xs text-slate-600 dark:text-slate-400">
              {got ? `Unlocked ${formatLocalDate(got.unlockedAt.slice(0, 10))}` : `Locked: ${a.criteria}`}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function LeaderboardPanel({ workspaceId }: { workspaceId: string }) {
  const [period, setPeriod] = useState<LeaderboardPeriod>('week');
  const board = useLeaderboard(workspaceId, period);
  const periods: [LeaderboardPeriod, string][] = [
    ['week', 'This week'],
    ['month', 'This month'],
    ['all', 'All time'],
  ];
  return (
    <section aria-labelledby="leaderboard-heading" className="flex flex-col gap-2">
      <h2 id="leaderboard-heading" className="text-lg font-semibold">
        Leaderboard
      </h2>
      <div role="tablist" aria-label="Period" className="flex gap-1">
        {periods.map(([value, label]) => (
          <button
            key={value}
            role="tab"
            type="button"
            aria-selected={period === value}
            onClick={() => setPeriod(value)}
            className="rounded-md px-3 py-1 text-sm aria-selected:bg-indigo-600 aria-selected:text-white"
          >
            {label}
          </button>
        ))}
      </div>
      {board.error ? (
        <FormError message={board.error.message} />
      ) : !board.data ? (
        <SkeletonList label="Loading the leaderboard" rows={3} />
      ) : board.data.items.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Nobody has earned XP in this period yet.</p>
      ) : (
        <ol className="flex flex-col gap-1" data-testid="leaderboard">
          {board.data.items.map((item) => (
            <li key={item.user.id} className="flex items-center gap-3 text-sm">
              <span className="w-6 text-right font-semibold">{item.rank}</span>
              <span className="flex-1">{item.user.name}</span>
              <span className="text-xs text-slate-500 dark:text-slate-400">Lv {item.level}</span>
              <span className="w-16 text-right font-medium">{item.xp} XP</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Settings({ workspaceId, progress }: { workspaceId: string; progress: Progress }) {
  const update = useUpdateProgressSettings(workspaceId);
  const isOwner = useCan(workspaceId, 'progress.manage');
  return (
    <section aria-labelledby="progress-settings-heading" className="flex flex-col gap-2 text-sm">
      <h2 id="progress-settings-heading" className="text-lg font-semibold">
        Settings
      </h2>
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          checked={progress.showOnLeaderboard}
          disabled={update.isPending}
          onChange={(e) => update.mutate({ showOnLeaderboard: e.target.checked })}
        />
        Show me on the leaderboard
      </label>
      {isOwner && (
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={progress.enabled}
            disabled={update.isPending}
            onChange={(e) => update.mutate({ enabled: e.target.checked })}
          />
          Progress (XP, levels, leaderboard) on for this workspace
        </label>
      )}
    </section>
  );
}

/** My progress in a workspace: level, streak, recent XP with reasons, achievements, the team quest and the leaderboard. */
export function ProgressPage({ workspaceId }: { workspaceId: string }) {
  const zone = useTimeZone();
  const progress = useMyProgress(workspaceId);
  const data = progress.data;
  return (
    <main className="mx-auto flex max-w-4xl flex-col gap-8 px-4 py-8 sm:px-6">
      <h1 className="text-2xl font-bold tracking-tight">Progress</h1>
      {progress.error ? (
        <FormError message={progress.error.message} />
      ) : !data ? (
        <SkeletonList label="Loading progress" rows={4} />
      ) : !data.enabled ? (
        <>
          <EmptyState title="Progress is switched off">
            The workspace owner has switched XP and levels off. Finished work is still recorded, so nothing is
            lost if it is switched on again.
          </EmptyState>
          <Settings workspaceId={workspaceId} progress={data} />
        </>
      ) : (
        <>
          <section className="flex flex-wrap items-center gap-8" aria-label="Level and streak">
            <LevelRing level={data.level} into={data.levelProgress.into} needed={data.levelProgress.needed} />
            <div className="flex flex-col gap-1">
              <span className="text-3xl font-bold" data-testid="total-xp">
                {data.xp} XP
              </span>
              <span className="text-sm text-slate-600 dark:text-slate-400">
                {data.levelProgress.needed - data.levelProgress.into} XP to level {data.level + 1}
              </span>
            </div>
            <Streak streak={data.streak} />
          </section>
          <QuestBar workspaceId={workspaceId} />
          <section aria-labelledby="recent-heading" className="flex flex-col gap-2">
            <h2 id="recent-heading" className="text-lg font-semibold">
              Recent XP
            </h2>
            {data.recent.length === 0 ? (
              <p className="text-sm text-slate-600 dark:text-slate-400">
                Finish a task to earn your first XP: 10 plus 5 per story point.
              </p>
            ) : (
              <>
                <XpByDayChart recent={data.recent} today={todayIn(zone)} />
                <ul className="flex flex-col gap-1 text-sm" data-testid="recent-xp">
                  {data.recent.map((e) => (
                    <li key={e.id} className="flex flex-wrap items-baseline gap-2">
                      <span
                        className={`w-14 font-semibold ${e.xp > 0 ? 'text-emerald-700 dark:text-emerald-400' : ''}`}
                      >
                        +{e.xp}
                      </span>
                      <span className="text-xs text-slate-500 dark:text-slate-400">
                        {KIND[e.kind] ?? e.kind}
                      </span>
                      <span className="flex-1">{e.label}</span>
                      {WHY[e.reason] && (
                        <span className="text-xs text-amber-700 dark:text-amber-300">{WHY[e.reason]}</span>
                      )}
                      <span className="text-xs text-slate-500 dark:text-slate-400">
                        {formatLocalDate(e.localDate)}
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
          <section aria-labelledby="achievements-heading" className="flex flex-col gap-2">
            <h2 id="achievements-heading" className="text-lg font-semibold">
              Achievements ({data.achievements.length}/{ACHIEVEMENTS.length})
            </h2>
            <Achievements unlocked={data.achievements} />
          </section>
          <LeaderboardPanel workspaceId={workspaceId} />
          <Settings workspaceId={workspaceId} progress={data} />
        </>
      )}
    </main>
  );
}
