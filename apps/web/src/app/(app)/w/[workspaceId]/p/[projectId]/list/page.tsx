import { TaskListPage } from '@/modules/list/components/task-list-page';

export default async function ProjectListPage({
  params,
}: {
  params: Promise<{ workspaceId: string; projectId: string }>;
}) {
  const { workspaceId, projectId } = await params;
  return <TaskListPage workspaceId={workspaceId} projectId={projectId} />;
}
