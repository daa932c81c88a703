import type { IncidentDetail, IncidentEventKind, IncidentUpdate } from '@teamflow/contracts/incidents';
import type { Tx } from '@teamflow/db/client';
import { checkMembers, checkTaskLinks, loadRefs } from '../async-links/linked-refs';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { conflict, notFound } from '../platform/errors';
import { incidentDetail, recordIncidentChange } from './incident-events';
import { isAllowedIncidentTransition } from './incidents.policy';
import {
  insertIncidentEvents,
  lockIncident,
  updateIncidentIfVersion,
  type IncidentRow,
} from './incidents.repository';

async function refuse(tx: Tx, row: IncidentRow, message: string): Promise<never> {
  throw conflict(message, { current: await incidentDetail(tx, row) });
}

/**
 * Changes an incident with the version last seen. Status moves forward only (resolved may reopen
 * to investigating); anything else is 409 and nothing is recorded. Every change appends a line to
 * the timeline; resolving stamps `resolvedAt`, reopening clears it.
 */
export async function updateIncident(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  incidentId: string,
  input: IncidentUpdate,
): Promise<IncidentDetail> {
  return deps.db.transaction(async (tx) => {
    const before = await lockIncident(tx, incidentId);
    if (!before || before.workspaceId !== ctx.workspaceId) throw notFound('Incident');
    if (before.version !== input.version)
      return refuse(tx, before, 'The incident was changed by someone else');
    const status = input.status !== undefined && input.status !== before.status ? input.status : undefined;
    if (input.status !== undefined && !status) {
      return refuse(tx, before, `The incident is already ${before.status}`);
    }
    if (status && !isAllowedIncidentTransition(before.status, status)) {
      return refuse(tx, before, `An incident cannot go from ${before.status} to ${status}`);
    }
    await checkMembers(tx, ctx.workspaceId, [input.commanderId], 'commanderId');
    await checkTaskLinks(tx, ctx.workspaceId, input.taskIds);

    const now = new Date();
    const names = await loadRefs(tx, ctx.workspaceId, [before.commanderId, input.commanderId ?? null], []);
    const who = (id: string | null) => (id ? names.person(id).name : 'nobody');
    const lines: {
      kind: IncidentEventKind;
      message: string;
      fromValue?: string | null;
      toValue?: string | null;
    }[] = [];
    if (status) {
      const verb =
        status === 'investigating' && before.status === 'resolved' ? 'reopened' : `moved to ${status}`;
      lines.push({
        kind: 'status',
        message: `${ctx.actor.name} ${verb}`,
        fromValue: before.status,
        toValue: status,
      });
    }
    if (input.severity && input.severity !== before.severity) {
      lines.push({
        kind: 'severity',
        message: `Severity ${before.severity} → ${input.severity}`,
        fromValue: before.severity,
        toValue: input.severity,
      });
    }
    if (input.commanderId !== undefined && input.commanderId !== before.commanderId) {
      lines.push({
        kind: 'commander',
        message: `Commander: ${who(input.commanderId)}`,
        fromValue: before.commanderId,
        toValue: input.commanderId,
      });
    }
    if (input.title !== undefined && input.title !== before.title) {
      lines.push({
        kind: 'title',
        message: `Renamed to "${input.title}"`,
        fromValue: before.title,
        toValue: input.title,
      });
    }
    if (input.summary !== undefined && (input.summary || null) !== before.summary) {
      lines.push({ kind: 'summary', message: `${ctx.actor.name} updated the summary` });
    }
    if (input.postmortem !== undefined && (input.postmortem || null) !== before.postmortem) {
      lines.push({ kind: 'postmortem', message: `${ctx.actor.name} updated the postmortem` });
    }
    if (input.taskIds !== undefined && input.taskIds.join() !== before.taskIds.join()) {
      lines.push({ kind: 'tasks', message: `${ctx.actor.name} changed the linked tasks` });
    }

    const row = await updateIncidentIfVersion(tx, incidentId, input.version, {
      title: input.title,
      severity: input.severity,
      commanderId: input.commanderId,
      summary: input.summary === undefined ? undefined : input.summary || null,
      postmortem: input.postmortem === undefined ? undefined : input.postmortem || null,
      taskIds: input.taskIds,
      ...(status ? { status, resolvedAt: status === 'resolved' ? now : null } : {}),
    });
    if (!row) return refuse(tx, before, 'The incident was changed by someone else');
    await insertIncidentEvents(
      tx,
      lines.map((l) => ({ ...l, workspaceId: ctx.workspaceId, incidentId, actorId: ctx.actor.id })),
    );
    const action = status === 'resolved' ? 'resolved' : status ? 'status_changed' : 'updated';
    return recordIncidentChange(tx, ctx.actor, row, action, {
      ...(status ? { from: before.status, to: status } : {}),
      fields: lines.map((l) => l.kind),
    });
  });
}
