import type { Attachment } from '@teamflow/contracts/attachments';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import { toAttachment } from './attachment.mapper';
import { findAttachmentRecord } from './attachments.repository';

export async function getAttachment(
  deps: CoreDeps,
  _ctx: WorkspaceCtx,
  attachmentId: string,
): Promise<Attachment> {
  const row = await findAttachmentRecord(deps.db, attachmentId);
  if (!row) throw notFound('Attachment');
  return toAttachment(row);
}
