import ical from 'ical-generator';
import type { CoreDeps } from '../platform/context';
import { notFound } from '../platform/errors';
import { findFeedByToken, listAssignedDueTasks } from './calendar.repository';

/**
 * The iCalendar document behind a feed URL: one all-day event per open task assigned to the
 * feed's owner with a due date (done tasks stay, marked so). The token in the URL is the only
 * auth: an unknown or rotated one is a 404.
 */
export async function renderCalendar(deps: CoreDeps, token: string): Promise<string> {
  const feed = await findFeedByToken(deps.db, token);
  if (!feed) throw notFound('Calendar');
  const tasks = await listAssignedDueTasks(deps.db, feed.userId);
  const calendar = ical({ name: 'TeamFlow: my tasks', prodId: { company: 'TeamFlow', product: 'tasks' } });
  for (const task of tasks) {
    const key = `${task.projectKey}-${task.number}`;
    const start = new Date(`${task.dueDate}T00:00:00Z`);
    calendar.createEvent({
      id: `task-${task.id}@teamflow`,
      start,
      allDay: true,
      summary: `${task.status === 'done' ? '✓ ' : ''}${key} ${task.title}`,
      description: `${task.projectName} · ${task.workspaceName}`,
      url: `${deps.env.WEB_ORIGIN}/w/${task.workspaceId}/t/${task.id}`,
      stamp: task.updatedAt,
    });
  }
  return calendar.toString();
}
