import { SprintReportPage } from '@/modules/sprints/components/sprint-report-page';

export default async function SprintReportRoute({
  params,
}: {
  params: Promise<{ workspaceId: string; projectId: string; sprintId: string }>;
}) {
  const { workspaceId, projectId, sprintId } = await params;
  return <SprintReportPage workspaceId={workspaceId} projectId={projectId} sprintId={sprintId} />;
}
