import type { Label } from '@teamflow/contracts/labels';
import type { LabelRow } from './labels.repository';

export const toLabel = (row: LabelRow): Label => ({
  id: row.id,
  workspaceId: row.workspaceId,
  name: row.name,
  color: row.color,
  createdAt: row.createdAt.toISOString(),
});
