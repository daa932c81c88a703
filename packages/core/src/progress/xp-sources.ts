import { createHash } from 'node:crypto';
import type { EventType, ServerEventOf } from '@teamflow/contracts/events';
import { taskXp, XP_RULES } from '@teamflow/contracts/progress';
import type { TaskStatus } from '@teamflow/contracts/tasks';
import type { DbOrTx } from '@teamflow/db/client';
import type { XpClaim } from './award-xp';
import {
  assigneePoints,
  findTaskPlan,
  noteTaskPlan,
  sprintStateOf,
  tasksInSprint,
} from './progress.repository';
import { sprintOutcome } from './sprint-outcome';

/**
 * Where XP comes from: one entry per event type of the stream, read by the xp consumer in seq
 * order. An entry notes what it must remember (a task's XP frozen at planning) and returns the
 * claims of one source; `awardXp` applies the rules. A new source is one line here (plus its
 * function).
 */
type XpSource<K extends EventType> = (tx: DbOrTx, event: ServerEventOf<K>) => Promise<XpClaim[]>;
type XpSourceTable = { [K in EventType]?: XpSource<K> };

// Work has begun: the task's XP is frozen from its points then.
const STARTED: readonly TaskStatus[] = ['in_progress', 'in_review', 'blocked'];
const SELF_FARM_MS = XP_RULES.selfFarmMinutes * 60_000;

const taskSource: XpSource<'TASK_CREATED' | 'TASK_UPDATED' | 'TASK_MOVED'> = async (tx, event) => {
  const task = event.data;
  const planned =
    STARTED.includes(task.status) ||
    (task.sprintId !== null && (await sprintStateOf(tx, task.sprintId)) === 'active');
  await noteTaskPlan(
    tx,
    task.workspaceId,
    task.id,
    task.storyPoints,
    planned ? { xp: taskXp(task.storyPoints), at: new Date(event.at) } : undefined,
  );
  if (task.status !== 'done') return [];
  // Never planned (straight to done): its points at completion.
  const baseXp = (await findTaskPlan(tx, task.id))?.plannedXp ?? taskXp(task.storyPoints);
  const completer = event.actor?.id;
  const payees = task.assigneeIds.length > 0 ? task.assigneeIds : completer ? [completer] : [];
  const completedAt = new Date(task.completedAt ?? event.at);
  const selfFarm =
    completer === task.createdBy && completedAt.getTime() - new Date(task.createdAt).getTime() < SELF_FARM_MS;
  return payees.map((userId) => ({
    userId,
    kind: 'task_done',
    sourceType: 'task',
    sourceId: task.id,
    label: `${task.key} ${task.title}`,
    baseXp,
    selfFarm,
    earnedAt: completedAt,
    detail: { taskKey: task.key, helped: userId !== task.createdBy, points: task.storyPoints },
  }));
};

const sprintSource: XpSource<'SPRINT_UPDATED'> = async (tx, event) => {
  const sprint = event.data;
  if (sprint.state === 'active') {
    const at = new Date(sprint.startedAt ?? event.at);
    for (const task of await tasksInSprint(tx, sprint.id))
      await noteTaskPlan(tx, sprint.workspaceId, task.id, task.storyPoints, {
        xp: taskXp(task.storyPoints),
        at,
      });
    return [];
  }
  if (sprint.state !== 'completed') return [];
  const outcome = await sprintOutcome(tx, sprint);
  if (outcome.committedPoints === 0 || outcome.donePoints < outcome.committedPoints) return [];
  // Completed at or above its commitment: one bonus for each person assigned to a task done in it.
  const contributors = await assigneePoints(tx, outcome.doneTaskIds);
  return contributors.map((c) => ({
    userId: c.userId,
    kind: 'sprint_bonus',
    sourceType: 'sprint',
    sourceId: sprint.id,
    label: `${sprint.name} completed (${outcome.donePoints}/${outcome.committedPoints} points)`,
    baseXp: XP_RULES.sprintBonus,
    selfFarm: false,
    earnedAt: new Date(sprint.completedAt ?? event.at),
  }));
};

/**
 * A source id made from what makes the source one (a UUID from a SHA-256 of the parts): e.g. a
 * status update pays once per person, workspace and update date, so reposting or deleting and
 * posting again meets the same (user, source, kind) key.
 */
export function stableSourceId(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

// Once per person per workspace per update date (the day is the source, not the row).
const statusUpdateSource: XpSource<'STATUS_UPDATE_POSTED'> = (_tx, event) => {
  const update = event.data;
  return Promise.resolve([
    {
      userId: update.userId,
      kind: 'status_update',
      sourceType: 'status_update',
      sourceId: stableSourceId('status_update', update.workspaceId, update.userId, update.date),
      label: `Check-in for ${update.date}`,
      baseXp: XP_RULES.statusUpdate,
      selfFarm: false,
      earnedAt: new Date(update.createdAt),
      detail: { date: update.date, statusUpdateId: update.id },
    },
  ]);
};

// Accepted (on creation or later): pays the person who wrote the record, once per decision.
const decisionSource: XpSource<'DECISION_UPDATED'> = (_tx, event) => {
  const decision = event.data;
  if (decision.status !== 'accepted') return Promise.resolve([]);
  return Promise.resolve([
    {
      userId: decision.createdBy,
      kind: 'decision_accepted',
      sourceType: 'decision',
      sourceId: decision.id,
      label: `${decision.key} ${decision.title}`,
      baseXp: XP_RULES.decisionAccepted,
      selfFarm: false,
      earnedAt: new Date(decision.acceptedAt ?? event.at),
    },
  ]);
};

// Resolved with a commander: pays the commander, once per incident (reopened and resolved again: nothing more).
const incidentSource: XpSource<'INCIDENT_UPDATED'> = (_tx, event) => {
  const incident = event.data;
  if (incident.status !== 'resolved' || !incident.commanderId) return Promise.resolve([]);
  return Promise.resolve([
    {
      userId: incident.commanderId,
      kind: 'incident_resolved',
      sourceType: 'incident',
      sourceId: incident.id,
      label: `${incident.key} ${incident.title}`,
      baseXp: XP_RULES.incidentResolved,
      selfFarm: false,
      earnedAt: new Date(incident.resolvedAt ?? event.at),
    },
  ]);
};

export const XP_SOURCES: XpSourceTable = {
  TASK_CREATED: taskSource,
  TASK_UPDATED: taskSource,
  TASK_MOVED: taskSource,
  SPRINT_UPDATED: sprintSource,
  STATUS_UPDATE_POSTED: statusUpdateSource,
  DECISION_UPDATED: decisionSource,
  INCIDENT_UPDATED: incidentSource,
};

/** The event types the xp consumer reads: the relay stages an `xp` job for a batch holding any. */
export const XP_SOURCE_TYPES = Object.keys(XP_SOURCES) as EventType[];

export async function claimsOf(tx: DbOrTx, event: ServerEventOf<EventType>): Promise<XpClaim[]> {
  const source = XP_SOURCES[event.type] as XpSource<EventType> | undefined;
  return source ? source(tx, event) : [];
}
