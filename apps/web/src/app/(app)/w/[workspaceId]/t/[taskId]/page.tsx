import { TaskPage } from '@/modules/tasks/components/task-page';

export default async function TaskRoute({
  params,
}: {
  params: Promise<{ workspaceId: string; taskId: string }>;
}) {
  const { workspaceId, taskId } = await params;
  return <TaskPage workspaceId={workspaceId} taskRef={decodeURIComponent(taskId)} />;
}
