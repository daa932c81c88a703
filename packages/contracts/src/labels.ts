import { z } from 'zod';
import { Id, Timestamp } from './common';

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
// The complete list (no paging): `nextCursor` is always null, in the `{items, nextCursor}` shape every list has.
export const LabelList = z.object({ items: z.array(Label), nextCursor: z.null() });
export type LabelList = z.infer<typeof LabelList>;

export const LabelParams = z.object({ workspaceId: Id, labelId: Id });
export const TaskLabelCreate = z.object({ labelId: Id });
export const TaskLabelParams = z.object({ taskId: Id, labelId: Id });
