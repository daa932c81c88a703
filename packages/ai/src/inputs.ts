import { z } from 'zod';
import { TaskPriority, TaskStatus } from '@teamflow/contracts/tasks';

/**
 * What the features read, as the worker snapshots it into `ai_jobs.input` (and hashes it for
 * the cache): providers see exactly this, never the database.
 */
export const BreakdownInput = z.object({
  projectName: z.string(),
  task: z.object({
    key: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    priority: TaskPriority,
    storyPoints: z.number().int().nullable(),
  }),
});
export type BreakdownInput = z.infer<typeof BreakdownInput>;

export const BacklogTask = z.object({
  id: z.uuid(),
  key: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  status: TaskStatus,
  priority: TaskPriority,
  dueDate: z.string().nullable(),
  createdAt: z.string(),
  storyPoints: z.number().int().nullable(),
  /** Keys of open tasks this one waits on (its dependencies not yet done). */
  waitsOn: z.array(z.string()),
  /** Keys of open tasks that wait on this one. */
  blocks: z.array(z.string()),
});
export type BacklogTask = z.infer<typeof BacklogTask>;

export const BacklogInput = z.object({
  projectName: z.string(),
  /** YYYY-MM-DD, the day the request was made (part of the cache key: rankings age). */
  today: z.iso.date(),
  tasks: z.array(BacklogTask),
});
export type BacklogInput = z.infer<typeof BacklogInput>;

/** One work-log entry as the analysis reads it, with the author's own project names to link to. */
export const EntryInput = z.object({
  body: z.string(),
  tags: z.array(z.string()),
  /** The author's projects (across their workspaces): names and keys ("Payments", "PAY"). */
  projects: z.array(z.object({ name: z.string(), key: z.string() })),
});
export type EntryInput = z.infer<typeof EntryInput>;
/** One of the caller's open assigned tasks, as "what next" sees it. */
export const NextTask = z.object({
  id: z.uuid(),
  key: z.string(),
  title: z.string(),
  projectId: z.uuid(),
  status: TaskStatus,
  priority: TaskPriority,
  dueDate: z.string().nullable(),
  storyPoints: z.number().int().nullable(),
  /** The day it last changed (YYYY-MM-DD, UTC). */
  updatedOn: z.iso.date(),
  /** Keys of open tasks that wait on this one. */
  blocks: z.array(z.string()),
  /** Keys of open tasks this one waits on. */
  waitsOn: z.array(z.string()),
  /** The active sprint it is in, if any, and that sprint's goal. */
  sprint: z.object({ name: z.string(), goal: z.string().nullable() }).nullable(),
  /** Linked in the person's check-in for today (what they said they would do). */
  inCheckIn: z.boolean().default(false),
});
export type NextTask = z.infer<typeof NextTask>;

export const NextInput = z.object({
  /** YYYY-MM-DD in the workspace's zone (part of the cache key: urgency ages). */
  today: z.iso.date(),
  tasks: z.array(NextTask),
});
export type NextInput = z.infer<typeof NextInput>;
