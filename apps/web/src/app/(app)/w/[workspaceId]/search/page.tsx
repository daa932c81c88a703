import { SearchPage } from '@/modules/search/components/search-page';

export default async function WorkspaceSearchPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  return <SearchPage workspaceId={workspaceId} />;
}
