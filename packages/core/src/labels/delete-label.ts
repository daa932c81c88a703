import { emitEvent } from '../events/emit-event';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import { deleteLabelRow } from './labels.repository';

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
