import { CalendarPage } from '@/modules/calendar/components/calendar-page';

export default async function ProjectCalendarPage({
  params,
}: {
  params: Promise<{ workspaceId: string; projectId: string }>;
}) {
  const { workspaceId, projectId } = await params;
  return <CalendarPage workspaceId={workspaceId} projectId={projectId} />;
}
