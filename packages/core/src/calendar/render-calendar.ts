import ical from 'ical-generator';
import type { CoreDeps } from '../platform/context';
import { notFound } from '../platform/errors';
import { findFeedByToken, listAssignedDueTasks, listCommandedIncidents } from './calendar.repository';

const HOUR_MS = 60 * 60 * 1000;

/**
 * The iCalendar document behind a feed URL: one all-day event per open task assigned to the
 * feed's owner with a due date (done tasks stay, marked so), and one timed event per incident
 * they command, from its declaration to its resolution (an open one runs until now, at least an
 * hour, so a calendar shows it as still going when it refreshes). The token in the URL is the
 * only auth: an unknown or rotated one is a 404.
 */
export async function renderCalendar(deps: CoreDeps, token: string): Promise<string> {
  const feed = await findFeedByToken(deps.db, token);
  if (!feed) throw notFound('Calendar');
  const [tasks, commanded] = await Promise.all([
    listAssignedDueTasks(deps.db, feed.userId),
    listCommandedIncidents(deps.db, feed.userId),
  ]);
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
  const now = Date.now();
  for (const incident of commanded) {
    const start = incident.createdAt;
    const end = incident.resolvedAt ?? new Date(Math.max(start.getTime() + HOUR_MS, now));
    calendar.createEvent({
      id: `incident-${incident.id}@teamflow`,
      start,
      end,
      summary: `${incident.status === 'resolved' ? '✓ ' : ''}INC-${incident.number} (${incident.severity}) ${incident.title}`,
      description: `Incident you command · ${incident.status} · ${incident.workspaceName}`,
      url: `${deps.env.WEB_ORIGIN}/w/${incident.workspaceId}/incidents/${incident.id}`,
      stamp: incident.updatedAt,
    });
  }
  return calendar.toString();
}
