import { WhatNextPanel } from '@/modules/planning/components/what-next-panel';
import { ProjectsPage } from '@/modules/projects/components/projects-page';

export default async function WorkspacePage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  return (
    <>
      <div className="mx-auto max-w-3xl px-6 pt-6">
        <WhatNextPanel workspaceId={workspaceId} />
      </div>
      <ProjectsPage workspaceId={workspaceId} />
    </>
  );
}
