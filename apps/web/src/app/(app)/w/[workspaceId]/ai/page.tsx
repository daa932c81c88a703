import { AiUsagePage } from '@/modules/ai/components/ai-usage-page';

export default async function WorkspaceAiPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  return <AiUsagePage workspaceId={workspaceId} />;
}
