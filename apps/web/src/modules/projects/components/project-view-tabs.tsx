'use client';

import Link from 'next/link';

const VIEWS = [
  { id: 'board', label: 'Board', suffix: '' },
  { id: 'list', label: 'List', suffix: '/list' },
  { id: 'calendar', label: 'Calendar', suffix: '/calendar' },
  { id: 'sprints', label: 'Sprints', suffix: '/sprints' },
  { id: 'import', label: 'Import / export', suffix: '/import' },
] as const;
export type ProjectView = (typeof VIEWS)[number]['id'];

/** Board / List / Calendar / Sprints / Import-export switch shown on each of a project's views. */
export function ProjectViewTabs({
  workspaceId,
  projectId,
  current,
}: {
  workspaceId: string;
  projectId: string;
  current: ProjectView;
}) {
  return (
    <nav
      aria-label="Project views"
      className="flex flex-wrap gap-1 rounded-lg bg-slate-100 p-1 text-sm dark:bg-slate-800"
    >
      {VIEWS.map((view) => (
        <Link
          key={view.id}
          href={`/w/${workspaceId}/p/${projectId}${view.suffix}`}
          aria-current={view.id === current ? 'page' : undefined}
          className="rounded-md px-3 py-1 font-medium text-slate-600 hover:text-slate-900 aria-[current=page]:bg-white aria-[current=page]:text-indigo-700 aria-[current=page]:shadow-sm dark:text-slate-300 dark:hover:text-white dark:aria-[current=page]:bg-slate-900 dark:aria-[current=page]:text-indigo-300"
        >
          {view.label}
        </Link>
      ))}
    </nav>
  );
}
