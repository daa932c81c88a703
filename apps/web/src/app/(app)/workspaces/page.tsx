import type { Metadata } from 'next';
import { CreateWorkspaceForm } from '@/modules/workspaces/components/create-workspace-form';
import { WorkspaceList } from '@/modules/workspaces/components/workspace-list';

export const metadata: Metadata = { title: 'Workspaces · TeamFlow' };

export default function WorkspacesPage() {
  return (
    <main className="mx-auto flex max-w-2xl flex-col gap-8 px-6 py-10">
      <h1 className="text-2xl font-bold tracking-tight">Your workspaces</h1>
      <WorkspaceList />
      <section aria-labelledby="new-workspace-heading" className="flex flex-col gap-3">
        <h2 id="new-workspace-heading" className="text-lg font-semibold">
          New workspace
        </h2>
        <CreateWorkspaceForm />
      </section>
    </main>
  );
}
