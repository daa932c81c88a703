import { PatternsPage } from '@/modules/planning/components/patterns-page';

export default async function MyPatternsPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  return <PatternsPage workspaceId={workspaceId} />;
}
