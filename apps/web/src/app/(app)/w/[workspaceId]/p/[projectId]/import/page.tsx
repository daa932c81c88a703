import { ImportExportPage } from '@/modules/project-import/components/import-export-page';

export default async function ProjectImportExportPage({
  params,
}: {
  params: Promise<{ workspaceId: string; projectId: string }>;
}) {
  const { workspaceId, projectId } = await params;
  return <ImportExportPage workspaceId={workspaceId} projectId={projectId} />;
}
