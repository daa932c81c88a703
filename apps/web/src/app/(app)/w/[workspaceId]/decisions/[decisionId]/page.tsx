import { DecisionDetailPage } from '@/modules/async-updates/components/decision-detail-page';

export default async function WorkspaceDecisionPage({
  params,
}: {
  params: Promise<{ workspaceId: string; decisionId: string }>;
}) {
  const { workspaceId, decisionId } = await params;
  return <DecisionDetailPage workspaceId={workspaceId} decisionId={decisionId} />;
}
