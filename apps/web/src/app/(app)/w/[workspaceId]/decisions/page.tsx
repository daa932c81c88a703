import { Suspense } from 'react';
import { DecisionsPage } from '@/modules/async-updates/components/decisions-page';

export default async function WorkspaceDecisionsPage({
  params,
}: {
  params: Promise<{ workspaceId: string }>;
}) {
  const { workspaceId } = await params;
  return (
    <Suspense>
      <DecisionsPage workspaceId={workspaceId} />
    </Suspense>
  );
}
