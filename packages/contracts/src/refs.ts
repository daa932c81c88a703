import { z } from 'zod';
import { Id } from './common';
import { TaskStatus } from './tasks';

/** A person as the async-updates area shows them (feeds, registers, timelines): who, by name. */
export const Person = z.object({ id: Id, name: z.string() });
export type Person = z.infer<typeof Person>;

/** A task linked from a status update, blocker, incident or decision: enough to show and link it. */
export const LinkedTask = z.object({ id: Id, key: z.string(), title: z.string(), status: TaskStatus });
export type LinkedTask = z.infer<typeof LinkedTask>;

/** Task links on a write: at most 20 tasks of the workspace, each once. */
export const LinkedTaskIds = z
  .array(Id)
  .max(20)
  .refine((ids) => new Set(ids).size === ids.length, 'Each task at most once');
