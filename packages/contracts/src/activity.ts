import { z } from 'zod';
import { ScanStatus } from './attachments';
import { BlockerSeverity } from './blockers';
import { Id, page, PageQuery, queryInt, Timestamp } from './common';
import { DecisionUpdate } from './decisions';
import { IncidentEventKind, IncidentSeverity, IncidentStatus } from './incidents';
import { PullRequestState } from './integrations';
import { Role } from './permissions';
import { ImportSource } from './project-import-export';
import { ProjectUpdate } from './projects';
import { SprintRollover, SprintUpdate } from './sprints';
import { Task, TaskStatus } from './tasks';
import { WorkspaceUpdate } from './workspaces';

// Changes are exact (strict objects): a shape the catalogue does not list is not one of its entries.
const none = z.strictObject({});
const fromTo = <S extends z.ZodType>(value: S) => z.strictObject({ from: value, to: value });
const role = z.strictObject({ role: Role });
const date = z.strictObject({ date: z.iso.date() });

/** What a merged GitHub pull request adds to the task it moves (`integration` names who acted). */
export const TaskMoveVia = z.strictObject({
  integration: z.literal('github').optional(),
  pullRequest: z
    .strictObject({ repository: z.string(), number: z.number().int(), url: z.string() })
    .optional(),
});
export type TaskMoveVia = z.infer<typeof TaskMoveVia>;

/** A task edit: each field that changed, from → to (only those). */
const TaskFieldsChanged = z.strictObject({
  title: fromTo(Task.shape.title).optional(),
  description: fromTo(Task.shape.description).optional(),
  status: fromTo(Task.shape.status).optional(),
  priority: fromTo(Task.shape.priority).optional(),
  storyPoints: fromTo(Task.shape.storyPoints).optional(),
  dueDate: fromTo(Task.shape.dueDate).optional(),
  parentId: fromTo(Task.shape.parentId).optional(),
  sprintId: fromTo(Task.shape.sprintId).optional(),
  assigneeIds: fromTo(Task.shape.assigneeIds).optional(),
  labelIds: fromTo(Task.shape.labelIds).optional(),
});
export type TaskFieldsChanged = z.infer<typeof TaskFieldsChanged>;

const TaskDevelopmentLinked = z.strictObject({
  integration: z.literal('github'),
  repository: z.string(),
  ref: z.string(),
  state: PullRequestState.optional(),
});

// A sprint edit records the PATCH as sent (without version and rollover); completing adds where
// the unfinished tasks went.
const SprintEdited = z.strictObject(SprintUpdate.shape).omit({ version: true, rollover: true });

// Every decision change names the decision's key. An edit records the PATCH as sent (without
// version) and its action is the new status, or `updated`: DecisionUpdate takes any status (the
// policy, not the types, refuses proposed and superseded), so each status lists the edit's shape.
const DecisionEdited = z.strictObject({ key: z.string(), ...DecisionUpdate.omit({ version: true }).shape });
const decisionRecorded = <S extends 'proposed' | 'accepted'>(status: S) =>
  z.strictObject({ key: z.string(), status: z.literal(status), supersedes: z.string().optional() });

const incident = <S extends z.ZodRawShape>(shape: S) => z.strictObject({ key: z.string(), ...shape });
const incidentStatusChanged = incident({
  from: IncidentStatus,
  to: IncidentStatus,
  fields: z.array(IncidentEventKind),
});
const blocker = <S extends z.ZodRawShape>(shape: S) => z.strictObject({ title: z.string(), ...shape });

/**
 * Every history entry that is written, defined once: the entity type, the action (the keys), and
 * the shape of `changes` for that pair. `emitEvent` (core/events) types the activity it writes
 * from this, the list's response schema `Activity` is the union of its entries, and the web
 * narrows an entry with `knownActivity`. A change recorded without changes stores `{}`.
 */
export const ACTIVITIES = {
  task: {
    created: z.strictObject({ title: z.string(), status: TaskStatus }),
    updated: TaskFieldsChanged,
    // A drag within a column changes the position; across columns, the status.
    moved: z.union([
      z.strictObject({ status: fromTo(TaskStatus), ...TaskMoveVia.shape }),
      z.strictObject({ position: fromTo(z.number()), ...TaskMoveVia.shape }),
    ]),
    deleted: z.strictObject({ title: z.string() }),
    dependency_added: z.strictObject({ dependsOnTaskId: Id }),
    dependency_removed: z.strictObject({ dependsOnTaskId: Id }),
    label_added: z.strictObject({ labelId: Id }),
    label_removed: z.strictObject({ labelId: Id }),
    commit_linked: TaskDevelopmentLinked,
    pull_request_linked: TaskDevelopmentLinked,
  },
  comment: { commented: none, comment_edited: none, comment_deleted: none },
  attachment: {
    attachment_added: z.strictObject({ fileName: z.string(), size: z.number().int() }),
    attachment_deleted: z.strictObject({ fileName: z.string() }),
    attachment_scanned: z.strictObject({ scanStatus: ScanStatus.extract(['clean', 'infected']) }),
  },
  sprint: {
    created: z.strictObject({ name: z.string() }),
    updated: SprintEdited,
    started: SprintEdited,
    completed: SprintEdited.extend({ rollover: SprintRollover, moved: z.array(Id) }),
    tasks_added: z.strictObject({ taskIds: z.array(Id) }),
    // The sprint a task was taken from when it joined another records no ids.
    tasks_removed: z.strictObject({ taskIds: z.array(Id).optional() }),
  },
  project: {
    created: z.strictObject({ name: z.string(), key: z.string() }),
    updated: z.strictObject(ProjectUpdate.shape).omit({ version: true }),
    deleted: none,
    imported: z.strictObject({ created: z.number().int(), source: ImportSource }),
  },
  workspace: {
    created: z.strictObject({ name: z.string(), slug: z.string() }),
    updated: z.strictObject(WorkspaceUpdate.shape),
    deleted: none,
  },
  member: {
    joined: role,
    role_changed: z.strictObject({ role: fromTo(Role) }),
    removed: role,
    left: role,
    account_deleted: role,
  },
  invitation: { created: z.strictObject({ email: z.string(), role: Role }), revoked: none },
  label: { created: z.strictObject({ name: z.string() }), deleted: none },
  status_update: { posted: date, updated: date, deleted: date },
  blocker: {
    // Opened on its own (with its severity) or from a status update's blockers line.
    opened: z.union([blocker({ severity: BlockerSeverity }), blocker({ from: z.literal('status_update') })]),
    acknowledged: blocker({ note: z.string().nullable() }),
    resolved: blocker({ resolution: z.string() }),
    escalated: blocker({ escalationLevel: z.number().int() }),
  },
  incident: {
    declared: incident({ severity: IncidentSeverity }),
    noted: incident({ message: z.string() }),
    action_items: incident({ tasks: z.array(z.string()) }),
    status_changed: incidentStatusChanged,
    resolved: incidentStatusChanged,
    updated: incident({ fields: z.array(IncidentEventKind) }),
  },
  decision: {
    proposed: z.union([decisionRecorded('proposed'), DecisionEdited]),
    accepted: z.union([decisionRecorded('accepted'), DecisionEdited]),
    rejected: DecisionEdited,
    deprecated: DecisionEdited,
    superseded: z.union([z.strictObject({ key: z.string(), by: z.string() }), DecisionEdited]),
    updated: DecisionEdited,
  },
  digest: { generated: date, regenerated: date },
} satisfies Record<string, Record<string, z.ZodType<Record<string, unknown>>>>;

type Catalogue = typeof ACTIVITIES;
export type ActivityEntityType = keyof Catalogue;
export type ActivityAction<E extends ActivityEntityType> = keyof Catalogue[E] & string;
export type ActivityChanges<E extends ActivityEntityType, A extends ActivityAction<E>> = z.infer<
  Catalogue[E][A]
>;

/** One catalogued change: a union on `entityType` and `action`, which narrows `changes`. */
export type ActivityChange = {
  [E in ActivityEntityType]: {
    [A in ActivityAction<E>]: { entityType: E; action: A; changes: ActivityChanges<E, A> };
  }[ActivityAction<E>];
}[ActivityEntityType];

const activityFields = {
  id: Id,
  workspaceId: Id,
  projectId: Id.nullable(),
  taskId: Id.nullable(),
  entityId: Id,
  actor: z.object({ id: Id, name: z.string() }).nullable(),
  /** The workspace seq of the event this change published; null until the relay publishes it. */
  seq: z.number().int().nullable(),
  createdAt: Timestamp,
};
type ActivityFields = z.infer<z.ZodObject<typeof activityFields>>;

/** A history entry the catalogue describes. */
export type KnownActivity = ActivityFields & ActivityChange;

// The wire's key order (id, workspaceId, projectId, taskId, entityType, entityId, action, changes, …).
const entrySchema = (entityType: string, action: string, changes: z.ZodType) => {
  const { id, workspaceId, projectId, taskId, entityId, ...rest } = activityFields;
  return z.object({
    id,
    workspaceId,
    projectId,
    taskId,
    entityType: z.literal(entityType),
    entityId,
    action: z.literal(action),
    changes,
    ...rest,
  });
};
const byEntityType = Object.entries(ACTIVITIES).map(([entityType, actions]) => {
  const entries = Object.entries(actions as Record<string, z.ZodType>).map(([action, changes]) =>
    entrySchema(entityType, action, changes),
  );
  return z.discriminatedUnion('action', entries as [(typeof entries)[number], ...(typeof entries)[number][]]);
});
export const KnownActivity = z.discriminatedUnion(
  'entityType',
  byEntityType as [(typeof byEntityType)[number], ...(typeof byEntityType)[number][]],
) as unknown as z.ZodType<KnownActivity>;

// History rows are never rewritten, and rows written before this catalogue existed (or in a shape
// it no longer lists) must still be served. The api does not validate its responses, but the web
// parses every response with this schema and the OpenAPI document (checked against real responses
// in tests) is generated from it, so the response schema keeps the old open shape as a fallback:
// an uncatalogued row is still a valid entry, not a failed history panel. `knownActivity` tells
// the catalogued ones apart.
const UncataloguedActivity = z.object({
  ...activityFields,
  entityType: z.string(),
  action: z.string(),
  changes: z.record(z.string(), z.unknown()),
});

export const Activity = z.union([KnownActivity, UncataloguedActivity]);
export type Activity = z.infer<typeof Activity>;
export const ActivityPage = page(Activity);
export type ActivityPage = z.infer<typeof ActivityPage>;

/** The entry as the catalogue types it, or null when it is not a catalogued shape (an older row). */
export function knownActivity(activity: Activity): KnownActivity | null {
  const parsed = KnownActivity.safeParse(activity);
  return parsed.success ? parsed.data : null;
}

export const ActivityQuery = PageQuery.extend({
  /**
   * Only changes whose event seq is greater, oldest first: what a realtime client missed. Without
   * it the history is newest first.
   */
  since: queryInt(0, Number.MAX_SAFE_INTEGER).optional(),
});
export type ActivityQuery = z.infer<typeof ActivityQuery>;
