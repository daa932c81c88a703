'use client';

import Link from 'next/link';
import { useMyProgress } from '../hooks/use-progress';
import { useProgressEvents } from '../hooks/use-progress-events';

/** The caller's level and XP beside the workspace navigation; live through the personal XP events. */
export function ProgressChip({ workspaceId }: { workspaceId: string }) {
  useProgressEvents(workspaceId);
  const { data } = useMyProgress(workspaceId);
  if (!data?.enabled) return null;
  return (
    <Link
      href={`/w/${workspaceId}/progress`}
      data-testid="progress-chip"
      className="rounded-full bg-amber-100 px-2.5 py-0.5 text-xs font-semibold text-amber-900 hover:bg-amber-200 dark:bg-amber-900/40 dark:text-amber-200"
      aria-label={`Level ${data.level}, ${data.xp} XP, streak ${data.streak.current}`}
    >
      Lv {data.level} · {data.xp} XP{data.streak.current > 0 ? ` · 🔥${data.streak.current}` : ''}
    </Link>
  );
}
