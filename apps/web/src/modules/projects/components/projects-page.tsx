'use client';

import { Skeleton } from '@/modules/ui/components/skeleton';
import { RoleBadge } from '@/modules/workspaces/components/role-badge';
import { useCan } from '@/modules/workspaces/hooks/use-permission';
import { useWorkspace } from '@/modules/workspaces/hooks/use-workspaces';
import { EmptyState } from '@/modules/ui/components/empty-state';
import { CreateProjectForm } from './create-project-form';
import { ProjectList } from './project-list';

export function ProjectsPage({ workspaceId }: { workspaceId: string }) {
  const { workspace, isPending } = useWorkspace(workspaceId);
  const canCreate = useCan(workspaceId, 'project.create');

  if (!isPending && !workspace) {
    return (
      <main className="mx-auto max-w-3xl px-6 py-10">
        <EmptyState title="Workspace not found">
          You are not a member of this workspace, or it was deleted.
        </EmptyState>
      </main>
    );
  }
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-8 px-6 py-10">
      <header className="flex items-center gap-3">
        {workspace ? (
          <>
            <h1 className="text-2xl font-bold tracking-tight">{workspace.name}</h1>
            <RoleBadge role={workspace.role} />
          </>
        ) : (
          <Skeleton className="h-8 w-64" />
        )}
      </header>
      <section aria-labelledby="projects-heading" className="flex flex-col gap-4">
        <h2 id="projects-heading" className="text-lg font-semibold">
          Projects
        </h2>
        <ProjectList workspaceId={workspaceId} canCreate={canCreate} />
      </section>
      {canCreate ? (
        <section aria-labelledby="new-project-heading" className="flex flex-col gap-3">
          <h2 id="new-project-heading" className="text-lg font-semibold">
            New project
          </h2>
          <CreateProjectForm workspaceId={workspaceId} />
        </section>
      ) : null}
    </main>
  );
}
