'use client';

import type { Attachment, ScanStatus } from '@teamflow/contracts/attachments';
import { ATTACHMENT_MAX_BYTES } from '@teamflow/contracts/attachments';
import { can, type Role } from '@teamflow/contracts/permissions';
import { useRef, useState, type DragEvent } from 'react';
import { Button } from '@/modules/ui/components/button';
import { FormError } from '@/modules/ui/components/form-error';
import { Skeleton } from '@/modules/ui/components/skeleton';
import {
  downloadAttachment,
  useAttachments,
  useDeleteAttachment,
  useThumbnail,
  useUploadAttachment,
} from '../hooks/use-attachments';

const SCAN_BADGE: Record<ScanStatus, { label: string; className: string; title: string }> = {
  clean: {
    label: 'clean',
    className: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/40 dark:text-emerald-200',
    title: 'Scanned for viruses: nothing found',
  },
  pending: {
    label: 'scanning…',
    className: 'bg-amber-100 text-amber-800 dark:bg-amber-900/40 dark:text-amber-200',
    title: 'Waiting for the virus scanner; it can be downloaded once it is clean',
  },
  infected: {
    label: 'infected',
    className: 'bg-rose-100 text-rose-800 dark:bg-rose-900/40 dark:text-rose-200',
    title: 'The virus scanner found something; the file was deleted',
  },
  unscanned: {
    label: 'not scanned',
    className: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300',
    title: 'No virus scanner is configured on this server',
  },
};

const sizeText = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(0)} KB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function AttachmentRow({
  attachment,
  canDelete,
  onDelete,
}: {
  attachment: Attachment;
  canDelete: boolean;
  onDelete: () => void;
}) {
  const thumbnail = useThumbnail(attachment);
  const badge = SCAN_BADGE[attachment.scanStatus];
  const downloadable = attachment.scanStatus === 'clean' || attachment.scanStatus === 'unscanned';
  const [error, setError] = useState<string | undefined>(undefined);
  return (
    <li className="flex items-center gap-3 py-2" data-testid="attachment">
      <div className="flex size-12 shrink-0 items-center justify-center overflow-hidden rounded border border-slate-200 bg-slate-50 text-xs text-slate-500 dark:text-slate-400 dark:border-slate-700 dark:bg-slate-800">
        {thumbnail ? (
          // eslint-disable-next-line @next/next/no-img-element -- a blob: URL of our own download
          <img
            src={thumbnail}
            alt={`Thumbnail of ${attachment.fileName}`}
            className="size-full object-cover"
          />
        ) : (
          attachment.contentType.split('/')[1]?.toUpperCase().slice(0, 4)
        )}
      </div>
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-medium">{attachment.fileName}</p>
        <p className="flex items-center gap-2 text-xs text-slate-500 dark:text-slate-400">
          {sizeText(attachment.size)}
          <span title={badge.title} className={`rounded px-1.5 py-0.5 font-medium ${badge.className}`}>
            {badge.label}
          </span>
          {attachment.threat ? <span>{attachment.threat}</span> : null}
        </p>
        {error ? <FormError message={error} /> : null}
      </div>
      {downloadable ? (
        <Button
          variant="secondary"
          onClick={() =>
            void downloadAttachment(attachment).catch((e: unknown) =>
              setError(e instanceof Error ? e.message : 'Download failed'),
            )
          }
          aria-label={`Download ${attachment.fileName}`}
        >
          Download
        </Button>
      ) : null}
      {canDelete ? (
        <Button variant="secondary" onClick={onDelete} aria-label={`Delete ${attachment.fileName}`}>
          Delete
        </Button>
      ) : null}
    </li>
  );
}

/** A task's files: drop or pick to upload (with progress), the scan state, thumbnails, download, delete. */
export function TaskAttachments({
  taskId,
  role,
  userId,
}: {
  taskId: string;
  role: Role | undefined;
  userId: string | undefined;
}) {
  const attachments = useAttachments(taskId);
  const upload = useUploadAttachment(taskId);
  const remove = useDeleteAttachment(taskId);
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [tooBig, setTooBig] = useState<string | undefined>(undefined);
  const canUpload = role ? can(role, 'attachment.create') : false;

  const send = (file: File | undefined) => {
    if (!file) return;
    setTooBig(file.size > ATTACHMENT_MAX_BYTES ? `${file.name} is over 10 MB` : undefined);
    if (file.size <= ATTACHMENT_MAX_BYTES) upload.mutate(file);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    send(event.dataTransfer.files[0]);
  };

  return (
    <section aria-labelledby={`attachments-${taskId}`} className="flex flex-col gap-2">
      <h3 id={`attachments-${taskId}`} className="text-sm font-semibold">
        Attachments
      </h3>
      {attachments.isPending ? (
        <Skeleton className="h-12" />
      ) : attachments.error ? (
        <FormError message={`Attachments could not be loaded: ${attachments.error.message}`} />
      ) : attachments.data.items.length ? (
        <ul className="divide-y divide-slate-100 dark:divide-slate-800">
          {attachments.data.items.map((a) => (
            <AttachmentRow
              key={a.id}
              attachment={a}
              canDelete={role ? can(role, 'attachment.delete', a.uploadedBy?.id === userId) : false}
              onDelete={() => remove.mutate(a.id)}
            />
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500 dark:text-slate-400">No files yet.</p>
      )}
      {canUpload ? (
        <div
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          className={`flex flex-col items-start gap-2 rounded-md border border-dashed p-3 text-sm ${
            dragging
              ? 'border-indigo-500 bg-indigo-50 dark:bg-indigo-950'
              : 'border-slate-300 dark:border-slate-600'
          }`}
        >
          <p className="text-slate-600 dark:text-slate-400">
            Drop a file here or{' '}
            <button
              type="button"
              className="font-medium text-indigo-700 underline dark:text-indigo-300"
              onClick={() => input.current?.click()}
            >
              choose one
            </button>{' '}
            (images, PDF, ZIP or text; up to 10 MB).
          </p>
          <input
            ref={input}
            type="file"
            className="sr-only"
            aria-label="Attach a file"
            onChange={(e) => {
              send(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
          {upload.progress !== undefined ? (
            <progress className="w-full" max={1} value={upload.progress} aria-label="Upload progress" />
          ) : null}
          {tooBig ? <FormError message={tooBig} /> : null}
          {upload.error ? <FormError message={upload.error.message} /> : null}
        </div>
      ) : null}
    </section>
  );
}
