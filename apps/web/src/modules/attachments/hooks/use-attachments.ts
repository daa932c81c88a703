'use client';

import { Attachment, AttachmentList } from '@teamflow/contracts/attachments';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { apiDownload, apiGetAll, apiRequest, apiUpload } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/**
 * All of a task's attachments (the api pages them by 50); the ATTACHMENT_* events refresh it (scan
 * results arrive that way too).
 */
export function useAttachments(taskId: string) {
  return useQuery({
    queryKey: queryKeys.taskAttachments(taskId),
    queryFn: ({ signal }) => apiGetAll(`/tasks/${taskId}/attachments`, { schema: AttachmentList, signal }),
  });
}

/** Uploads one file with its progress (0–1) while it travels. */
export function useUploadAttachment(taskId: string) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<number | undefined>(undefined);
  const mutation = useMutation({
    mutationFn: (file: File) => {
      setProgress(0);
      return apiUpload(`/tasks/${taskId}/attachments`, file, Attachment, setProgress);
    },
    onSettled: () => {
      setProgress(undefined);
      return queryClient.invalidateQueries({ queryKey: queryKeys.taskAttachments(taskId), exact: true });
    },
  });
  return { ...mutation, progress };
}

export function useDeleteAttachment(taskId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (attachmentId: string) => apiRequest('DELETE', `/attachments/${attachmentId}`),
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: queryKeys.taskAttachments(taskId), exact: true }),
  });
}

/** Saves an attachment through the browser (the api needs the session's token, so no plain link). */
export async function downloadAttachment(attachment: Attachment): Promise<void> {
  const blob = await apiDownload(`/attachments/${attachment.id}/download`);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = attachment.fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** An object URL for an image attachment's thumbnail, released when it is no longer shown. */
export function useThumbnail(attachment: Attachment): string | undefined {
  const [url, setUrl] = useState<string | undefined>(undefined);
  const wanted =
    attachment.contentType.startsWith('image/') &&
    (attachment.scanStatus === 'clean' || attachment.scanStatus === 'unscanned');
  useEffect(() => {
    if (!wanted) return;
    const controller = new AbortController();
    let made: string | undefined;
    apiDownload(`/attachments/${attachment.id}/download`, controller.signal)
      .then((blob) => {
        made = URL.createObjectURL(blob);
        setUrl(made);
      })
      .catch(() => undefined);
    return () => {
      controller.abort();
      if (made) URL.revokeObjectURL(made);
    };
  }, [attachment.id, wanted]);
  return wanted ? url : undefined;
}
