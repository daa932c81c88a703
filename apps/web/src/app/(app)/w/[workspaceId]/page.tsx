import { ProjectsPage } from '@/modules/projects/components/projects-page';

export default async function WorkspacePage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  return <ProjectsPage workspaceId={workspaceId} />;
}
