import { z } from 'zod';
import { CalendarDate, Id, page, queryInt, Timestamp, Version } from './common';

export const SprintState = z.enum(['planned', 'active', 'completed']);
export type SprintState = z.infer<typeof SprintState>;

const Name = z.string().trim().min(1, 'Give the sprint a name').max(100);
const Goal = z.string().trim().max(1000);
// What the api answers (inputs take CalendarDate, which bounds the year).
const Day = z.iso.date();

const datesInOrder = (v: { startDate?: string | null; endDate?: string | null }) =>
  !v.startDate || !v.endDate || v.endDate >= v.startDate;
const datesMessage = { message: 'The sprint cannot end before it starts', path: ['endDate'] };

export const SprintCreate = z
  .object({
    name: Name,
    goal: Goal.optional(),
    startDate: CalendarDate.optional(),
    endDate: CalendarDate.optional(),
  })
  .refine(datesInOrder, datesMessage);
export type SprintCreate = z.infer<typeof SprintCreate>;

/** Where a completed sprint's unfinished tasks go: the backlog, or a planned sprint of the same project. */
export const SprintRollover = z.discriminatedUnion('to', [
  z.object({ to: z.literal('backlog') }),
  z.object({ to: z.literal('sprint'), sprintId: Id }),
]);
export type SprintRollover = z.infer<typeof SprintRollover>;

/**
 * Edits and state changes in one versioned PATCH: `state: 'active'` starts a planned sprint,
 * `state: 'completed'` completes an active one (unfinished tasks go where `rollover` says, the
 * backlog by default). Any other state change is a 409.
 */
export const SprintUpdate = z
  .object({
    version: Version,
    name: Name.optional(),
    goal: Goal.nullable().optional(),
    startDate: CalendarDate.nullable().optional(),
    endDate: CalendarDate.nullable().optional(),
    state: SprintState.optional(),
    rollover: SprintRollover.optional(),
  })
  .refine(datesInOrder, datesMessage)
  .refine((v) => !v.rollover || v.state === 'completed', {
    message: 'rollover applies only when completing a sprint',
    path: ['rollover'],
  });
export type SprintUpdate = z.infer<typeof SprintUpdate>;

export const SprintTasksChange = z.object({ taskIds: z.array(Id).min(1).max(100) });
export type SprintTasksChange = z.infer<typeof SprintTasksChange>;

export const Sprint = z.object({
  id: Id,
  workspaceId: Id,
  projectId: Id,
  name: z.string(),
  goal: z.string().nullable(),
  state: SprintState,
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  startedAt: Timestamp.nullable(),
  completedAt: Timestamp.nullable(),
  version: z.number().int(),
  createdBy: Id,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** Tasks in the sprint now, their story points, and how many of those are done. */
  taskCount: z.number().int(),
  totalPoints: z.number().int(),
  donePoints: z.number().int(),
});
export type Sprint = z.infer<typeof Sprint>;

// Paged like every list (`PageQuery`): active, planned, then completed (newest first).
export const SprintList = page(Sprint);
export type SprintList = z.infer<typeof SprintList>;

export const SprintParams = z.object({ sprintId: Id });

export const BurndownDay = z.object({
  date: Day,
  /** null for days that have not ended yet. */
  remainingPoints: z.number().int().nullable(),
  remainingTasks: z.number().int().nullable(),
  scopePoints: z.number().int().nullable(),
  addedPoints: z.number().int(),
  removedPoints: z.number().int(),
  /** The straight line from the points committed at the start to zero on the last day. */
  idealPoints: z.number(),
});
export type BurndownDay = z.infer<typeof BurndownDay>;

export const Burndown = z.object({
  sprintId: Id,
  state: SprintState,
  startDate: Day.nullable(),
  endDate: Day.nullable(),
  committedPoints: z.number().int(),
  committedTasks: z.number().int(),
  days: z.array(BurndownDay),
  computedAt: Timestamp,
});
export type Burndown = z.infer<typeof Burndown>;

export const VelocitySprint = z.object({
  sprintId: Id,
  name: z.string(),
  completedAt: Timestamp,
  committedPoints: z.number().int(),
  completedPoints: z.number().int(),
  committedTasks: z.number().int(),
  completedTasks: z.number().int(),
});
export type VelocitySprint = z.infer<typeof VelocitySprint>;

export const Velocity = z.object({
  projectId: Id,
  /** Oldest first. */
  sprints: z.array(VelocitySprint),
  averageCompletedPoints: z.number(),
  averageCommittedPoints: z.number(),
  computedAt: Timestamp,
});
export type Velocity = z.infer<typeof Velocity>;

export const VelocityQuery = z.object({ count: queryInt(1, 20).default(5) });
export type VelocityQuery = z.infer<typeof VelocityQuery>;
