import type { Label, LabelCreate } from '@teamflow/contracts/labels';
import { emitEvent } from '../events/emit-event';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { conflict } from '../platform/errors';
import { toLabel } from './label.mapper';
import { insertLabel } from './labels.repository';

export async function createLabel(deps: CoreDeps, ctx: WorkspaceCtx, input: LabelCreate): Promise<Label> {
  return deps.db.transaction(async (tx) => {
    const row = await insertLabel(tx, { workspaceId: ctx.workspaceId, name: input.name, color: input.color });
    if (!row)
      throw conflict(`A label named “${input.name}” already exists`, [
        { field: 'name', message: 'Already taken' },
      ]);
    const label = toLabel(row);
    await emitEvent(tx, 'LABEL_CREATED', label, {
      workspaceId: ctx.workspaceId,
      entityId: row.id,
      actor: ctx.actor,
      activity: { entityType: 'label', action: 'created', changes: { name: row.name } },
    });
    return label;
  });
}
