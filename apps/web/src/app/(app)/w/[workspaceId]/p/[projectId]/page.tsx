import { BoardPage } from '@/modules/board/components/board-page';

export default async function ProjectBoardPage({
  params,
}: {
  params: Promise<{ workspaceId: string; projectId: string }>;
}) {
  const { workspaceId, projectId } = await params;
  return <BoardPage workspaceId={workspaceId} projectId={projectId} />;
}
