import type { Attachment, AttachmentType } from '@teamflow/contracts/attachments';
import type { AttachmentRecord } from './attachments.repository';

export function toAttachment(row: AttachmentRecord): Attachment {
  return {
    id: row.id,
    taskId: row.taskId,
    fileName: row.fileName,
    contentType: row.contentType as AttachmentType,
    size: row.size,
    scanStatus: row.scanStatus,
    threat: row.threat,
    uploadedBy: row.uploader,
    createdAt: row.createdAt.toISOString(),
    scannedAt: row.scannedAt?.toISOString() ?? null,
  };
}

/** Where an attachment's bytes live in the bucket: by workspace, so one tenant's keys share a prefix. */
export const storageKeyFor = (workspaceId: string, attachmentId: string) =>
  `workspaces/${workspaceId}/attachments/${attachmentId}`;
