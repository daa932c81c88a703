import { TemplatesSettingsPage } from '@/modules/planning/components/templates-settings-page';

export default async function ProjectTemplatesPage({
  params,
}: {
  params: Promise<{ workspaceId: string; projectId: string }>;
}) {
  const { workspaceId, projectId } = await params;
  return <TemplatesSettingsPage workspaceId={workspaceId} projectId={projectId} />;
}
