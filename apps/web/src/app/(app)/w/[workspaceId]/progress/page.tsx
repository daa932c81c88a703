import { ProgressPage } from '@/modules/progress/components/progress-page';

export default async function WorkspaceProgressPage({
  params,
}: {
  params: Promise<{ workspaceId: string }>;
}) {
  const { workspaceId } = await params;
  return <ProgressPage workspaceId={workspaceId} />;
}
