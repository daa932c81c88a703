import type { Label, LabelCreate, LabelList } from '@teamflow/contracts/labels';
import { emitEvent } from '../events/emit-event';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { conflict, notFound } from '../platform/errors';
import { deleteLabelRow, insertLabel, listLabelRows, type LabelRow } from './labels.repository';

const toLabel = (row: LabelRow): Label => ({
  id: row.id,
  workspaceId: row.workspaceId,
  name: row.name,
  color: row.color,
  createdAt: row.createdAt.toISOString(),
});

export async function listLabels(deps: CoreDeps, ctx: WorkspaceCtx): Promise<LabelList> {
  return { items: (await listLabelRows(deps.db, ctx.workspaceId)).map(toLabel) };
}

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

export async function deleteLabel(deps: CoreDeps, ctx: WorkspaceCtx, labelId: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    if (!(await deleteLabelRow(tx, ctx.workspaceId, labelId))) throw notFound('Label');
    await emitEvent(
      tx,
      'LABEL_DELETED',
      { id: labelId },
      {
        workspaceId: ctx.workspaceId,
        entityId: labelId,
        actor: ctx.actor,
        activity: { entityType: 'label', action: 'deleted' },
      },
    );
  });
}
