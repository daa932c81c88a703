import { WorkspaceDataLinks } from '@/modules/project-import/components/workspace-data-links';
import { WorkspaceSettingsPage } from '@/modules/workspaces/components/workspace-settings-page';

export default async function WorkspaceSettingsRoute({
  params,
}: {
  params: Promise<{ workspaceId: string }>;
}) {
  const { workspaceId } = await params;
  return (
    <WorkspaceSettingsPage workspaceId={workspaceId}>
      <WorkspaceDataLinks workspaceId={workspaceId} />
    </WorkspaceSettingsPage>
  );
}
