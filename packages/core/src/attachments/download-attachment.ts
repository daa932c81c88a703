import type { Readable } from 'node:stream';
import { isDownloadable, type Attachment } from '@teamflow/contracts/attachments';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { conflict, notFound } from '../platform/errors';
import { objectStorage } from '../platform/object-storage';
import { toAttachment } from './attachment.mapper';
import { findAttachmentRecord } from './attachments.repository';

/**
 * The attachment's bytes as a stream from object storage. A file still waiting for its scan, or
 * found infected, is not served (409 with its scan state).
 */
export async function downloadAttachment(
  deps: CoreDeps,
  _ctx: WorkspaceCtx,
  attachmentId: string,
): Promise<{ attachment: Attachment; body: Readable; size: number }> {
  const row = await findAttachmentRecord(deps.db, attachmentId);
  if (!row) throw notFound('Attachment');
  const attachment = toAttachment(row);
  if (!isDownloadable(attachment))
    throw conflict(
      attachment.scanStatus === 'pending'
        ? 'The file is still being scanned for viruses'
        : 'The file was found infected and has been deleted',
      { scanStatus: attachment.scanStatus },
    );
  const object = await objectStorage(deps.env).get(row.storageKey);
  if (!object) throw notFound('Attachment file');
  return { attachment, ...object };
}
