import { z } from 'zod';
import { Id, page, Timestamp } from './common';

/** Per file and per task (API.md, "Files, webhooks and integrations"). */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const TASK_ATTACHMENTS_MAX_BYTES = 50 * 1024 * 1024;

/**
 * What may be attached, decided from the file's first bytes (never its name or the browser's
 * claim): images, PDF, ZIP-based office documents and archives, and text that is valid UTF-8.
 */
export const ATTACHMENT_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'application/zip',
  'text/plain',
] as const;
export const AttachmentType = z.enum(ATTACHMENT_TYPES);
export type AttachmentType = z.infer<typeof AttachmentType>;

/**
 * - `pending`: stored, waiting for the virus scanner (not downloadable yet);
 * - `clean`: scanned, nothing found;
 * - `infected`: the scanner found something; the bytes are deleted, only this record stays;
 * - `unscanned`: no scanner is configured on this deployment (the UI says so).
 */
export const ScanStatus = z.enum(['pending', 'clean', 'infected', 'unscanned']);
export type ScanStatus = z.infer<typeof ScanStatus>;

export const Attachment = z.object({
  id: Id,
  taskId: Id,
  fileName: z.string(),
  contentType: AttachmentType,
  size: z.number().int().min(0),
  scanStatus: ScanStatus,
  /** The scanner's signature name when infected. */
  threat: z.string().nullable(),
  uploadedBy: z.object({ id: Id, name: z.string() }).nullable(),
  createdAt: Timestamp,
  scannedAt: Timestamp.nullable(),
});
export type Attachment = z.infer<typeof Attachment>;

// Paged like every list (`PageQuery`), oldest first.
export const AttachmentList = page(Attachment);
export type AttachmentList = z.infer<typeof AttachmentList>;

export const AttachmentParams = z.object({ attachmentId: Id });
export type AttachmentParams = z.infer<typeof AttachmentParams>;

/** Whether a stored attachment may be downloaded: scanned clean, or no scanner on this deployment. */
export const isDownloadable = (a: Pick<Attachment, 'scanStatus'>) =>
  a.scanStatus === 'clean' || a.scanStatus === 'unscanned';
