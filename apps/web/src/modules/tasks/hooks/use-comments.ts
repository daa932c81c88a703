'use client';

import { Comment, CommentPage } from '@teamflow/contracts/comments';
import { skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { apiRequest } from '@/lib/api-client';
import { usePagedFeed } from '@/lib/paged-feed';
import { queryKeys } from '@/lib/query-keys';
import { QUEUED, sendOrQueue } from '@/modules/offline/send-or-queue';
import { findCachedTask } from '@/modules/task-cache/task-cache';
import { showToast } from '@/modules/ui/toast';
import {
  forgetPostedComment,
  postedPastPages,
  showPostedComment,
  updatePostedComment,
} from '../comment-cache';

/**
 * The task's comments, oldest first (a conversation reads top-down), 100 a page: "Show newer
 * comments" reads the next. A comment heard live is added by event-sync's applyEvent. `posted`
 * are the comments this person posted that no page read holds yet, to show after the button.
 */
export function useComments(taskId: string) {
  const feed = usePagedFeed({
    queryKey: queryKeys.taskComments(taskId),
    path: `/tasks/${taskId}/comments`,
    schema: CommentPage,
    pageSize: 100,
  });
  // Written only by comment-cache (skipToken: nothing to fetch, and an invalidation leaves it be).
  const kept = useQuery<Comment[]>({ queryKey: queryKeys.taskCommentsPosted(taskId), queryFn: skipToken });
  const posted = useMemo(() => postedPastPages(feed.data, kept.data), [feed.data, kept.data]);
  return { ...feed, posted };
}

/** Add, edit and delete share one refresh: the comment list and the activity timeline. */
export function useCommentMutations(taskId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.task(taskId) });
  const onError = (error: Error) =>
    showToast({ tone: 'error', title: 'Comment not saved', description: error.message });
  const add = useMutation({
    // Runs offline too (TanStack would pause it): sendOrQueue queues the comment itself.
    networkMode: 'always',
    mutationFn: (body: string) => {
      const task = findCachedTask(queryClient, taskId);
      return sendOrQueue(
        {
          kind: 'add-comment',
          method: 'POST',
          path: `/tasks/${taskId}/comments`,
          body: { body },
          taskId,
          projectId: task?.projectId ?? '',
          label: `Comment on ${task?.key ?? 'a task'}`,
        },
        Comment,
      );
    },
    onSuccess: (saved) => {
      if (saved !== QUEUED) showPostedComment(queryClient, saved);
      else
        showToast({
          tone: 'info',
          title: 'Comment saved on this device',
          description: 'It is posted when you are back online.',
        });
    },
    onError,
    onSettled: refresh,
  });
  // The refresh reads the pages again; a posted comment past them is kept apart and changed here.
  const edit = useMutation({
    mutationFn: ({ id, body }: { id: string; body: string }) =>
      apiRequest('PATCH', `/comments/${id}`, { body: { body }, schema: Comment }),
    onSuccess: (saved) => void updatePostedComment(queryClient, saved),
    onError,
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) => apiRequest('DELETE', `/comments/${id}`),
    onSuccess: (_done, id) => void forgetPostedComment(queryClient, taskId, id),
    onError,
    onSettled: refresh,
  });
  return { add, edit, remove };
}
