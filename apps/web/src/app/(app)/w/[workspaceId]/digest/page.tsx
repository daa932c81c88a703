import { Suspense } from 'react';
import { DigestPage } from '@/modules/async-updates/components/digest-page';

export default async function WorkspaceDigestPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  return (
    <Suspense>
      <DigestPage workspaceId={workspaceId} />
    </Suspense>
  );
}
