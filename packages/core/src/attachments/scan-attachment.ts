import { emitEvent } from '../events/emit-event';
import { claimStagedJob } from '../jobs/staged-job-outcome';
import type { CoreDeps } from '../platform/context';
import { objectStorage } from '../platform/object-storage';
import { virusScanner } from '../platform/virus-scanner';
import { toAttachment } from './attachment.mapper';
import { findAttachmentRecord, setScanResult } from './attachments.repository';

export type ScanOutcome = 'clean' | 'infected' | 'skipped';

/**
 * The `files/scan-attachment` job: scans a `pending` attachment from object storage. Infected →
 * its bytes are deleted and it is marked `infected` (event to the task's room). Anything that is
 * not pending any more (scanned by another attempt, deleted) is skipped, so retries are harmless.
 * Throws while clamd is away, so BullMQ retries with backoff. With the BullMQ job, its staged job
 * is claimed in the transaction that records the verdict.
 */
export async function scanAttachment(
  deps: Pick<CoreDeps, 'db' | 'env'>,
  attachmentId: string,
  job: { id?: string } = {},
): Promise<ScanOutcome> {
  const row = await findAttachmentRecord(deps.db, attachmentId);
  if (!row || row.scanStatus !== 'pending') return 'skipped';
  const scanner = virusScanner(deps.env);
  if (!scanner) throw new Error('No virus scanner configured (CLAMAV_HOST) for a pending attachment');
  const storage = objectStorage(deps.env);
  const object = await storage.get(row.storageKey);
  if (!object) return 'skipped';
  const verdict = await scanner.scan(object.body);
  // Infected bytes leave storage before the record says so: a download can never race to them.
  if (verdict.infected) await storage.remove(row.storageKey);
  const outcome = verdict.infected ? 'infected' : 'clean';
  const claimed = await deps.db.transaction(async (tx) => {
    if (!(await claimStagedJob(tx, job.id))) return false;
    const changed = await setScanResult(tx, attachmentId, {
      scanStatus: outcome,
      threat: verdict.infected ? verdict.threat : null,
    });
    if (!changed) return true;
    const updated = (await findAttachmentRecord(tx, attachmentId))!;
    await emitEvent(tx, 'ATTACHMENT_UPDATED', toAttachment(updated), {
      workspaceId: row.workspaceId,
      entityId: attachmentId,
      actor: null,
      projectId: row.projectId,
      taskId: row.taskId,
      activity: { entityType: 'attachment', action: 'attachment_scanned', changes: { scanStatus: outcome } },
    });
    return true;
  });
  return claimed ? outcome : 'skipped';
}
