import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_TYPES,
  TASK_ATTACHMENTS_MAX_BYTES,
  type Attachment,
} from '@teamflow/contracts/attachments';
import { scanAttachmentJob } from '@teamflow/queue/jobs';
import { emitEvent } from '../events/emit-event';
import { stageJob } from '../jobs/job-outbox.repository';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { AppError, notFound } from '../platform/errors';
import { objectStorage } from '../platform/object-storage';
import { virusScanner, type ScanVerdict } from '../platform/virus-scanner';
import { findTaskBrief } from '../tasks/tasks.repository';
import { storageKeyFor, toAttachment } from './attachment.mapper';
import { findAttachmentRecord, insertAttachment, lockTaskAttachmentBytes } from './attachments.repository';
import { SNIFF_BYTES, sniffContentType } from './sniff-content-type';

/** An uploaded file, already streamed to a temporary file by the http layer. */
export interface UploadedFile {
  path: string;
  fileName: string;
  size: number;
}

const tooLarge = (message: string) => new AppError('PAYLOAD_TOO_LARGE', message);

async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** A name safe to store and to send back in Content-Disposition: no folders, no control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (cleaned || 'file').slice(0, 255);
}

/**
 * Attaches a file to a task. The type comes from the bytes (415 outside the allow-list); 10 MiB a
 * file and 50 MiB a task (413). With a scanner configured the file is scanned before it is
 * stored: infected → 422 INFECTED and nothing is kept; clamd unreachable → stored `pending` and a
 * `files/scan-attachment` job scans it when clamd is back (not downloadable until clean).
 */
export async function uploadAttachment(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  taskId: string,
  file: UploadedFile,
): Promise<Attachment> {
  if (file.size > ATTACHMENT_MAX_BYTES) throw tooLarge('A file may be at most 10 MiB');
  const head = await readHead(file.path);
  const contentType = sniffContentType(head, file.size <= head.length);
  if (!contentType)
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `This kind of file cannot be attached (allowed: ${ATTACHMENT_TYPES.join(', ')})`,
    );
  const task = await findTaskBrief(deps.db, taskId);
  if (!task) throw notFound('Task');
  // 503 before any work when this deployment has no storage.
  const storage = objectStorage(deps.env);

  const scanner = virusScanner(deps.env);
  let verdict: ScanVerdict | 'unscanned' | 'pending' = 'unscanned';
  if (scanner) {
    try {
      verdict = await scanner.scan(createReadStream(file.path));
    } catch (error) {
      ctx.logger.warn('virus scanner unavailable; attachment kept pending', {
        error: (error as Error).message,
      });
      verdict = 'pending';
    }
  }
  if (typeof verdict === 'object' && verdict.infected) {
    ctx.logger.warn('infected upload refused', { taskId, threat: verdict.threat, actorId: ctx.actor.id });
    throw new AppError('INFECTED', `The file is infected (${verdict.threat}) and was not stored`, {
      threat: verdict.threat,
    });
  }
  const scanStatus = verdict === 'pending' || verdict === 'unscanned' ? verdict : 'clean';

  const id = randomUUID();
  const storageKey = storageKeyFor(ctx.workspaceId, id);
  await storage.put(storageKey, () => createReadStream(file.path), file.size, contentType);
  try {
    await deps.db.transaction(async (tx) => {
      const used = await lockTaskAttachmentBytes(tx, taskId);
      if (used + file.size > TASK_ATTACHMENTS_MAX_BYTES)
        throw tooLarge('A task may hold at most 50 MiB of attachments');
      await insertAttachment(tx, {
        id,
        workspaceId: ctx.workspaceId,
        taskId,
        uploaderId: ctx.actor.id,
        fileName: cleanFileName(file.fileName),
        contentType,
        size: file.size,
        storageKey,
        scanStatus,
        scannedAt: scanStatus === 'clean' ? new Date() : null,
      });
      const record = (await findAttachmentRecord(tx, id))!;
      await emitEvent(tx, 'ATTACHMENT_UPDATED', toAttachment(record), {
        workspaceId: ctx.workspaceId,
        entityId: id,
        actor: ctx.actor,
        projectId: task.projectId,
        taskId,
        activity: {
          entityType: 'attachment',
          action: 'attachment_added',
          changes: { fileName: record.fileName, size: file.size },
        },
      });
      if (scanStatus === 'pending') await stageJob(tx, scanAttachmentJob, { attachmentId: id });
    });
  } catch (error) {
    // Nothing half-written: bytes without a record would never be found again.
    await storage.remove(storageKey).catch(() => undefined);
    throw error;
  }
  return toAttachment((await findAttachmentRecord(deps.db, id))!);
}
