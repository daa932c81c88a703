import { SprintPlanningPage } from '@/modules/sprints/components/sprint-planning-page';

export default async function ProjectSprintsPage({
  params,
}: {
  params: Promise<{ workspaceId: string; projectId: string }>;
}) {
  const { workspaceId, projectId } = await params;
  return <SprintPlanningPage workspaceId={workspaceId} projectId={projectId} />;
}
