import { z } from 'zod';
import { Id, page, Timestamp } from './common';

export const LabelCreate = z.object({
  name: z.string().trim().min(1).max(40),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'Colour is #rrggbb')
    .default('#6b7280'),
});
export type LabelCreate = z.infer<typeof LabelCreate>;

export const Label = z.object({
  id: Id,
  workspaceId: Id,
  name: z.string(),
  color: z.string(),
  createdAt: Timestamp,
});
export type Label = z.infer<typeof Label>;
// Paged like every list (`PageQuery`), by name: a workspace's labels and a task's labels.
export const LabelList = page(Label);
export type LabelList = z.infer<typeof LabelList>;

export const LabelParams = z.object({ workspaceId: Id, labelId: Id });
/** `DELETE /workspaces/:workspaceId/labels`, the form API.md names: the label in the body. */
export const LabelRef = z.object({ labelId: Id });
export const TaskLabelCreate = z.object({ labelId: Id });
export const TaskLabelParams = z.object({ taskId: Id, labelId: Id });
