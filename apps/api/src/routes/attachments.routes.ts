import type { Router } from 'express';
import {
  ATTACHMENT_MAX_BYTES,
  Attachment,
  AttachmentList,
  AttachmentParams,
} from '@teamflow/contracts/attachments';
import { ErrorResponse, PageQuery, TaskParams } from '@teamflow/contracts/common';
import { deleteAttachment } from '@teamflow/core/attachments/delete-attachment';
import { downloadAttachment } from '@teamflow/core/attachments/download-attachment';
import { getAttachment } from '@teamflow/core/attachments/get-attachment';
import { listAttachments } from '@teamflow/core/attachments/list-attachments';
import { uploadAttachment } from '@teamflow/core/attachments/upload-attachment';
import type { ApiDeps } from '../deps';
import { withUploadedFile } from '../http/multipart';
import { allow, type RouteTable } from '../http/route-table';

/** `filename*` (RFC 6266/5987) carries any name; the plain `filename` is its ASCII fallback. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function attachmentRoutes(table: RouteTable, router: Router, base: string, deps: ApiDeps): void {
  const tag = 'Attachments';
  table.add(router, base, {
    method: 'post',
    path: '/tasks/:taskId/attachments',
    summary:
      'Attach a file (multipart field `file`; ≤ 10 MiB, ≤ 50 MiB per task; type from the bytes; virus-scanned when a scanner is configured)',
    tag,
    access: allow('attachment.create', 'task', 'taskId'),
    rateLimit: 'uploads',
    params: TaskParams,
    upload: { field: 'file' },
    responses: {
      201: Attachment,
      400: ErrorResponse,
      403: ErrorResponse,
      404: ErrorResponse,
      413: ErrorResponse,
      415: ErrorResponse,
      422: ErrorResponse,
    },
    handler: ({ ctx, params, req }) =>
      withUploadedFile(
        req,
        { field: 'file', maxBytes: ATTACHMENT_MAX_BYTES, tooLargeMessage: 'A file may be at most 10 MiB' },
        (file) => uploadAttachment(deps, ctx, params.taskId, file),
      ),
  });
  table.add(router, base, {
    method: 'get',
    path: '/tasks/:taskId/attachments',
    summary: "A task's attachments with their scan state, oldest first",
    tag,
    access: allow('attachment.read', 'task', 'taskId'),
    params: TaskParams,
    query: PageQuery,
    responses: { 200: AttachmentList, 400: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, params, query }) => listAttachments(deps, ctx, params.taskId, query),
  });
  table.add(router, base, {
    method: 'get',
    path: '/attachments/:attachmentId',
    summary: 'An attachment',
    tag,
    access: allow('attachment.read', 'attachment', 'attachmentId'),
    params: AttachmentParams,
    responses: { 200: Attachment, 404: ErrorResponse },
    handler: ({ ctx, params }) => getAttachment(deps, ctx, params.attachmentId),
  });
  table.add(router, base, {
    method: 'get',
    path: '/attachments/:attachmentId/download',
    summary: 'Download an attachment (streamed; 409 while it is being scanned or when it was infected)',
    tag,
    access: allow('attachment.read', 'attachment', 'attachmentId'),
    params: AttachmentParams,
    produces: 'application/octet-stream',
    responses: { 200: null, 404: ErrorResponse, 409: ErrorResponse },
    handler: async ({ ctx, params, res }) => {
      const { attachment, body, size } = await downloadAttachment(deps, ctx, params.attachmentId);
      res.status(200);
      res.setHeader('Content-Type', attachment.contentType);
      res.setHeader('Content-Length', String(size));
      res.setHeader('Content-Disposition', contentDisposition(attachment.fileName));
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Cache-Control', 'private, no-store');
      // Nothing served from here runs as a page, even if a browser is asked to render it.
      res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
      await new Promise<void>((resolve, reject) => {
        body.on('error', reject);
        res.on('close', () => {
          body.destroy();
          resolve();
        });
        body.pipe(res);
      });
    },
  });
  table.add(router, base, {
    method: 'delete',
    path: '/attachments/:attachmentId',
    summary: 'Delete an attachment (uploader, owner, admin)',
    tag,
    access: allow('attachment.delete', 'attachment', 'attachmentId'),
    params: AttachmentParams,
    responses: { 204: null, 403: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, params }) => deleteAttachment(deps, ctx, params.attachmentId),
  });
}
