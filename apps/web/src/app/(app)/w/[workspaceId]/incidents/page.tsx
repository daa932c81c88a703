import { IncidentsPage } from '@/modules/async-updates/components/incidents-page';

export default async function WorkspaceIncidentsPage({
  params,
}: {
  params: Promise<{ workspaceId: string }>;
}) {
  const { workspaceId } = await params;
  return <IncidentsPage workspaceId={workspaceId} />;
}
