'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { EmptyState } from '@/modules/ui/components/empty-state';
import { useWorkspace } from '@/modules/workspaces/hooks/use-workspaces';

/** The frame of every async-updates page: a way back to the workspace, the title, and a 404 state. */
export function AreaPage({
  workspaceId,
  title,
  intro,
  back,
  children,
}: {
  workspaceId: string;
  title: string;
  intro?: ReactNode;
  back?: { href: string; label: string };
  children: ReactNode;
}) {
  const { workspace, isPending } = useWorkspace(workspaceId);
  if (!isPending && !workspace) {
    return (
      <main className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
        <EmptyState title="Workspace not found">
          You are not a member of this workspace, or it was deleted.
        </EmptyState>
      </main>
    );
  }
  return (
    <main className="mx-auto flex max-w-4xl flex-col gap-6 px-4 py-8 sm:px-6">
      <header className="flex flex-col gap-1">
        <Link
          href={back?.href ?? `/w/${workspaceId}`}
          className="text-sm text-indigo-700 hover:underline dark:text-indigo-300"
        >
          ← {back?.label ?? workspace?.name ?? 'Workspace'}
        </Link>
        <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
        {intro ? <p className="text-sm text-slate-600 dark:text-slate-400">{intro}</p> : null}
      </header>
      {children}
    </main>
  );
}

const TONES = {
  slate: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200',
  amber: 'bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100',
  rose: 'bg-rose-100 text-rose-800 dark:bg-rose-900 dark:text-rose-100',
  emerald: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900 dark:text-emerald-100',
  indigo: 'bg-indigo-100 text-indigo-800 dark:bg-indigo-900 dark:text-indigo-100',
} as const;
export type Tone = keyof typeof TONES;

export function Badge({
  tone = 'slate',
  children,
  label,
}: {
  tone?: Tone;
  children: ReactNode;
  label?: string;
}) {
  return (
    <span
      aria-label={label}
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ${TONES[tone]}`}
    >
      {children}
    </span>
  );
}

/** A linked task as its key, opening the task page. */
export function TaskKeyLinks({
  workspaceId,
  tasks,
}: {
  workspaceId: string;
  tasks: { id: string; key: string; title: string }[];
}) {
  if (tasks.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-2 text-xs" aria-label="Linked tasks">
      {tasks.map((t) => (
        <li key={t.id}>
          <Link
            href={`/w/${workspaceId}/t/${t.id}`}
            className="text-indigo-700 hover:underline dark:text-indigo-300"
            title={t.title}
          >
            {t.key}
          </Link>
        </li>
      ))}
    </ul>
  );
}
