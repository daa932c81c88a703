import { IncidentDetailPage } from '@/modules/async-updates/components/incident-detail-page';

export default async function WorkspaceIncidentPage({
  params,
}: {
  params: Promise<{ workspaceId: string; incidentId: string }>;
}) {
  const { workspaceId, incidentId } = await params;
  return <IncidentDetailPage workspaceId={workspaceId} incidentId={incidentId} />;
}
