import type { IncidentActionItems, IncidentDetail } from '@teamflow/contracts/incidents';
import { findLinkedTasks } from '../async-links/links.repository';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { conflict, invalid, notFound } from '../platform/errors';
import { findProject } from '../projects/projects.repository';
import { createTask } from '../tasks/create-task';
import { recordIncidentChange } from './incident-events';
import {
  findIncident,
  insertIncidentEvents,
  lockIncident,
  updateIncidentIfVersion,
} from './incidents.repository';

const TITLE_MAX = 200;

/** The open checklist items of a postmortem (`- [ ] …`), in order, each once. */
export function openActionItems(postmortem: string | null): string[] {
  const items = (postmortem ?? '')
    .split('\n')
    .map((line) => /^\s*[-*+]\s+\[ \]\s+(.+)$/.exec(line)?.[1]?.trim())
    .filter((item): item is string => Boolean(item))
    .map((item) => item.slice(0, TITLE_MAX));
  return [...new Set(items)];
}

/**
 * Turns the postmortem's open action items into tasks of a project the caller picks, linked to
 * the incident (an item already linked as a task of the same title is skipped, so asking twice
 * creates nothing twice). The timeline records it.
 */
export async function createActionItemTasks(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  incidentId: string,
  input: IncidentActionItems,
): Promise<IncidentDetail> {
  const incident = await findIncident(deps.db, incidentId);
  if (!incident || incident.workspaceId !== ctx.workspaceId) throw notFound('Incident');
  const project = await findProject(deps.db, input.projectId);
  if (!project || project.workspaceId !== ctx.workspaceId) {
    throw invalid([{ field: 'projectId', message: 'Pick a project of this workspace' }]);
  }
  const linked = new Set(
    (await findLinkedTasks(deps.db, ctx.workspaceId, incident.taskIds)).map((t) => t.title.toLowerCase()),
  );
  const items = openActionItems(incident.postmortem).filter((item) => !linked.has(item.toLowerCase()));
  if (items.length === 0) throw conflict('The postmortem has no open action items that are not tasks yet');
  const created: { id: string; key: string }[] = [];
  for (const title of items) {
    const task = await createTask(deps, ctx, project.id, { title, status: 'todo', priority: 'high' });
    created.push({ id: task.id, key: task.key });
  }
  return deps.db.transaction(async (tx) => {
    const row = (await lockIncident(tx, incidentId))!;
    const updated = (await updateIncidentIfVersion(tx, incidentId, row.version, {
      taskIds: [...row.taskIds, ...created.map((t) => t.id)],
    }))!;
    await insertIncidentEvents(tx, [
      {
        workspaceId: ctx.workspaceId,
        incidentId,
        kind: 'tasks',
        message: `${ctx.actor.name} made action items into tasks: ${created.map((t) => t.key).join(', ')}`,
        actorId: ctx.actor.id,
      },
    ]);
    return recordIncidentChange(tx, ctx.actor, updated, 'action_items', { tasks: created.map((t) => t.key) });
  });
}
