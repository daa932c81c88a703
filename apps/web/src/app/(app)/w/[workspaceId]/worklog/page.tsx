import type { Metadata } from 'next';
import { WorklogPage } from '@/modules/worklog/components/worklog-page';

export const metadata: Metadata = { title: 'Work log · TeamFlow' };

export default async function WorkspaceWorklogPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  return <WorklogPage workspaceId={workspaceId} />;
}
