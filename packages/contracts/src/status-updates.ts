import { z } from 'zod';
import { CalendarDate, datesInOrder, Id, page, PageQuery, Timestamp, Version } from './common';
import { Blocker } from './blockers';
import { LinkedTask, LinkedTaskIds, Person } from './refs';

const Lines = z.string().max(5000);
export const Mood = z.number().int().min(1).max(5);

/**
 * A daily check-in. `date` defaults to today in the author's own zone. Each non-empty line of
 * `blockers` opens a blocker in the register, linked to the update.
 */
export const StatusUpdateCreate = z
  .object({
    date: CalendarDate.optional(),
    done: Lines,
    doing: Lines,
    blockers: Lines.optional(),
    mood: Mood.optional(),
    taskIds: LinkedTaskIds.optional(),
  })
  .refine((v) => v.done.trim() !== '' || v.doing.trim() !== '', {
    message: 'Say what you did or what you are doing',
    path: ['done'],
  });
export type StatusUpdateCreate = z.infer<typeof StatusUpdateCreate>;

/** The author edits with the version they saw; `mood: null` takes the mood back. */
export const StatusUpdateUpdate = z.object({
  version: Version,
  done: Lines.optional(),
  doing: Lines.optional(),
  blockers: Lines.optional(),
  mood: Mood.nullable().optional(),
  taskIds: LinkedTaskIds.optional(),
});
export type StatusUpdateUpdate = z.infer<typeof StatusUpdateUpdate>;

/** What every member sees of an update: never the mood (only its author sees that). */
export const PublicStatusUpdate = z.object({
  id: Id,
  workspaceId: Id,
  userId: Id,
  user: Person,
  date: z.iso.date(),
  done: z.string(),
  doing: z.string(),
  blockers: z.string(),
  taskIds: z.array(Id),
  tasks: z.array(LinkedTask),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type PublicStatusUpdate = z.infer<typeof PublicStatusUpdate>;

/** An update as the api answers it: `mood` is present only when the caller is its author. */
export const StatusUpdate = PublicStatusUpdate.extend({ mood: Mood.nullable().optional() });
export type StatusUpdate = z.infer<typeof StatusUpdate>;

export const StatusUpdateListQuery = z
  .object({
    date: CalendarDate.optional(),
    userId: Id.optional(),
    from: CalendarDate.optional(),
    to: CalendarDate.optional(),
    ...PageQuery.shape,
  })
  .refine(...datesInOrder);
export type StatusUpdateListQuery = z.infer<typeof StatusUpdateListQuery>;

export const StatusUpdatePage = page(StatusUpdate);
export type StatusUpdatePage = z.infer<typeof StatusUpdatePage>;

export const StatusUpdateParams = z.object({ statusUpdateId: Id });

/**
 * The caller's draft, from their own activity since their last update (nothing is saved): tasks
 * they finished, tasks in progress or blocked assigned to them, their open blockers, and the
 * `doing` lines of their last update whose tasks are not done yet.
 */
export const StatusUpdateDraft = z.object({
  done: z.array(LinkedTask),
  doing: z.array(LinkedTask),
  blockers: z.array(LinkedTask),
  openBlockers: z.array(Blocker),
  carriedDoing: z.array(z.string()),
  text: z.object({ done: z.string(), doing: z.string(), blockers: z.string() }),
  /** The last update's time (null: no update yet, the draft looks back a day). */
  since: Timestamp.nullable(),
});
export type StatusUpdateDraft = z.infer<typeof StatusUpdateDraft>;
