import { BlockersPage } from '@/modules/async-updates/components/blockers-page';

export default async function WorkspaceBlockersPage({
  params,
}: {
  params: Promise<{ workspaceId: string }>;
}) {
  const { workspaceId } = await params;
  return <BlockersPage workspaceId={workspaceId} />;
}
