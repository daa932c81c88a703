import type { AttachmentList } from '@teamflow/contracts/attachments';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { toAttachment } from './attachment.mapper';
import { listAttachmentRecords } from './attachments.repository';

/** A task's attachments (at most 50 MiB of them, so one page), oldest first. */
export async function listAttachments(
  deps: CoreDeps,
  _ctx: WorkspaceCtx,
  taskId: string,
): Promise<AttachmentList> {
  const rows = await listAttachmentRecords(deps.db, taskId);
  return { items: rows.map(toAttachment), nextCursor: null };
}
