import { z } from 'zod';
import { Id, Markdown, page, Timestamp, Version } from './common';
import { TimeZone } from './time-zones';

export const ProjectKey = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9]{1,9}$/, 'Key is 2–10 letters or digits, starting with a letter');

/** A task's key in free text (`TF-12`): its project's key and its number. */
export const TASK_KEY_PATTERN = /\b[A-Z][A-Z0-9]{1,9}-\d+\b/g;

export const ProjectCreate = z.object({
  name: z.string().trim().min(1).max(100),
  key: ProjectKey.optional(),
  description: Markdown(10000).optional(),
});
export type ProjectCreate = z.infer<typeof ProjectCreate>;

export const ProjectUpdate = z.object({
  version: Version,
  name: z.string().trim().min(1).max(100).optional(),
  description: Markdown(10000).nullable().optional(),
  /** The project's own zone; null goes back to the workspace's. */
  timeZone: TimeZone.nullable().optional(),
});
export type ProjectUpdate = z.infer<typeof ProjectUpdate>;

export const Project = z.object({
  id: Id,
  workspaceId: Id,
  key: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  /**
   * The zone its dates are computed in (recurrence, template placeholders, sprint starts) when it
   * differs from the workspace's; null: the workspace's zone.
   */
  timeZone: z.string().nullable(),
  version: z.number().int(),
  createdBy: Id,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Project = z.infer<typeof Project>;

// Paged like every list (`PageQuery`), by name.
export const ProjectList = page(Project);
export type ProjectList = z.infer<typeof ProjectList>;
