import { can } from '@teamflow/contracts/permissions';
import { emitEvent } from '../events/emit-event';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { forbidden, notFound } from '../platform/errors';
import { objectStorage } from '../platform/object-storage';
import { findAttachmentRecord, softDeleteAttachment } from './attachments.repository';

/** Uploader, owner or admin. The record goes in one transaction with its event; then the bytes. */
export async function deleteAttachment(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  attachmentId: string,
): Promise<void> {
  const row = await deps.db.transaction(async (tx) => {
    const existing = await findAttachmentRecord(tx, attachmentId);
    if (!existing) throw notFound('Attachment');
    if (!can(ctx.role, 'attachment.delete', existing.uploaderId === ctx.actor.id))
      throw forbidden('Only the uploader or an admin can delete an attachment');
    await softDeleteAttachment(tx, attachmentId);
    await emitEvent(
      tx,
      'ATTACHMENT_DELETED',
      { id: attachmentId, taskId: existing.taskId },
      {
        workspaceId: ctx.workspaceId,
        entityId: attachmentId,
        actor: ctx.actor,
        projectId: existing.projectId,
        taskId: existing.taskId,
        activity: {
          entityType: 'attachment',
          action: 'attachment_deleted',
          changes: { fileName: existing.fileName },
        },
      },
    );
    return existing;
  });
  // After the commit: a failure here leaves unreachable bytes (logged), never a record without them.
  await objectStorage(deps.env)
    .remove(row.storageKey)
    .catch((error: Error) =>
      ctx.logger.warn('attachment bytes not deleted', { attachmentId, error: error.message }),
    );
}
