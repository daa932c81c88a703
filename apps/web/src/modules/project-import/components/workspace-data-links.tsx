'use client';

import Link from 'next/link';
import { useProjects } from '@/modules/projects/hooks/use-projects';
import { SkeletonList } from '@/modules/ui/components/skeleton';

/**
 * Workspace settings → Import and export: imports and exports are per project (a file's tasks land
 * in one project), so this lists the projects with a link to each one's Import / export page.
 */
export function WorkspaceDataLinks({ workspaceId }: { workspaceId: string }) {
  const projects = useProjects(workspaceId);
  return (
    <section
      aria-labelledby="workspace-data-heading"
      className="rounded-xl border border-slate-200 bg-white p-4 sm:p-6 dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 id="workspace-data-heading" className="text-lg font-semibold">
        Import and export
      </h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        Bring tasks in from Jira, Linear or Trello, or take a project&apos;s tasks out as CSV or JSON. Each
        project has its own page.
      </p>
      {projects.isPending ? (
        <SkeletonList rows={2} label="Loading the projects" />
      ) : projects.data && projects.data.length > 0 ? (
        <ul aria-label="Projects to import into or export" className="mt-3 flex flex-col gap-1">
          {projects.data.map((project) => (
            <li key={project.id}>
              <Link
                href={`/w/${workspaceId}/p/${project.id}/import`}
                className="text-sm text-indigo-700 hover:underline dark:text-indigo-300"
              >
                {project.name} ({project.key}): import / export
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">
          No projects yet: create one, then import its tasks from its Import / export page.
        </p>
      )}
    </section>
  );
}
