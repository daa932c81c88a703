'use client';

import Link from 'next/link';
import { useMyProgress } from '../hooks/use-progress';
import { useProgressEvents } from '../hooks/use-progress-events';
import { FlameIcon, INLINE_ICON } from './progress-icons';

/** The caller's level and XP beside the workspace navigation; live through the personal XP events. */
export function ProgressChip({ workspaceId }: { workspaceId: string }) {
  useProgressEvents(workspaceId);
  const { data } = useMyProgress(workspaceId);
  if (!data?.enabled) return null;
  return (
    <Link
      href={`/w/${workspaceId}/progress`}
      data-testid="progress-chip"
      className="shrink-0 whitespace-nowrap rounded-full bg-amber-100 px-2.5 py-0.5 text-xs font-semibold text-amber-900 hover:bg-amber-200 dark:bg-amber-900/40 dark:text-amber-200"
    >
      {/* The name is the visible text (no aria-label that could drift from it); the flame is decoration.
          At phone width the XP is left to the Progress page: the strip of areas beside it needs the room. */}
      Level {data.level}
      <span className="hidden sm:inline"> · {data.xp} XP</span>
      {data.streak.current > 0 ? (
        <>
          {' · '}
          <FlameIcon className={`${INLINE_ICON} text-orange-600 dark:text-orange-400`} />
          {data.streak.current}
          <span className="sr-only"> day streak</span>
        </>
      ) : null}
    </Link>
  );
}
