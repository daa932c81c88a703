import { MembersPage } from '@/modules/members/components/members-page';

export default async function WorkspaceMembersPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  return <MembersPage workspaceId={workspaceId} />;
}
