'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** Board · List · Sprints for one project; the current view is marked for screen readers too. */
export function ProjectTabs({ workspaceId, projectId }: { workspaceId: string; projectId: string }) {
  const pathname = usePathname();
  const base = `/w/${workspaceId}/p/${projectId}`;
  const tabs = [
    { label: 'Board', href: base, current: pathname === base },
    { label: 'List', href: `${base}/list`, current: pathname.startsWith(`${base}/list`) },
    { label: 'Sprints', href: `${base}/sprints`, current: pathname.startsWith(`${base}/sprints`) },
  ];
  return (
    <nav aria-label="Project views" className="flex gap-1 text-sm">
      {tabs.map((t) => (
        <Link
          key={t.label}
          href={t.href}
          aria-current={t.current ? 'page' : undefined}
          className={`rounded-md px-2.5 py-1 font-medium ${
            t.current
              ? 'bg-indigo-50 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200'
              : 'text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800'
          }`}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
