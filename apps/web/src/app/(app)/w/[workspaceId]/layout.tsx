import type { ReactNode } from 'react';
import { ProgressChip } from '@/modules/progress/components/progress-chip';
import { WorkspaceNav } from '@/modules/shell/components/workspace-nav';

export default async function WorkspaceLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ workspaceId: string }>;
}) {
  const { workspaceId } = await params;
  return (
    <>
      <WorkspaceNav workspaceId={workspaceId} progress={<ProgressChip workspaceId={workspaceId} />} />
      {children}
    </>
  );
}
