'use client';

import Link from 'next/link';
import { EmptyState } from '@/modules/ui/components/empty-state';
import { FormError } from '@/modules/ui/components/form-error';
import { SkeletonList } from '@/modules/ui/components/skeleton';
import { useProjects } from '../hooks/use-projects';

export function ProjectList({ workspaceId, canCreate }: { workspaceId: string; canCreate: boolean }) {
  const { data, isPending, error } = useProjects(workspaceId);
  if (isPending) return <SkeletonList label="Loading projects" />;
  if (error) return <FormError message={error.message} />;
  if (data.length === 0) {
    return (
      <EmptyState title="No projects yet">
        {canCreate
          ? 'Create the first project below; its board is where the tasks live.'
          : 'Ask an owner or admin of this workspace to create a project.'}
      </EmptyState>
    );
  }
  return (
    <ul aria-label="Projects" className="grid gap-3 sm:grid-cols-2">
      {data.map((project) => (
        <li key={project.id}>
          <Link
            href={`/w/${workspaceId}/p/${project.id}`}
            className="flex flex-col gap-1 rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 px-4 py-3 hover:border-indigo-300"
          >
            <span className="text-xs font-semibold text-indigo-700 dark:text-indigo-300">{project.key}</span>
            <span className="font-medium">{project.name}</span>
            {project.description ? (
              <span className="line-clamp-2 text-sm text-slate-600 dark:text-slate-400">
                {project.description}
              </span>
            ) : null}
          </Link>
        </li>
      ))}
    </ul>
  );
}
