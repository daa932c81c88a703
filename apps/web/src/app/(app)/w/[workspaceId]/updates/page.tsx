import { UpdatesPage } from '@/modules/async-updates/components/updates-page';

export default async function WorkspaceUpdatesPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  return <UpdatesPage workspaceId={workspaceId} />;
}
