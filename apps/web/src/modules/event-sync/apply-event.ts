import type { Comment } from '@teamflow/contracts/comments';
import type { ServerEvent, ServerEventOf } from '@teamflow/contracts/events';
import type { QueryClient } from '@tanstack/react-query';
import { appendToFeed, feedComplete, feedItems, mapFeedItems, type Feed } from '@/lib/paged-feed';
import { queryKeys } from '@/lib/query-keys';
import { addTask, applyTaskChange, findCachedTask, removeTask } from '@/modules/task-cache/task-cache';
import { forgetPostedComment, updatePostedComment } from '@/modules/tasks/comment-cache';
import { STATUS_LABEL } from '@/modules/tasks/task-status';

/** What applying an event did: whether the cache changed, and the line for a toast. */
export interface Applied {
  changed: boolean;
  /** The task or comment to highlight. */
  highlightId?: string;
  /** "moved TF-12 to In progress" (the actor's name goes in front). */
  summary?: string;
}

const NOTHING: Applied = { changed: false };

function applyTaskChangeEvent(
  queryClient: QueryClient,
  event: ServerEventOf<'TASK_UPDATED' | 'TASK_MOVED'>,
): Applied {
  const task = event.data;
  const { changed, previous } = applyTaskChange(queryClient, task, { source: 'server' });
  if (!changed) return NOTHING;
  void queryClient.invalidateQueries({ queryKey: queryKeys.taskActivity(task.id), exact: true });
  const moved = event.type === 'TASK_MOVED' || (previous && previous.status !== task.status);
  return {
    changed: true,
    highlightId: task.id,
    summary: moved ? `moved ${task.key} to ${STATUS_LABEL[task.status]}` : `updated ${task.key}`,
  };
}

function applyTaskCreated(queryClient: QueryClient, event: ServerEventOf<'TASK_CREATED'>): Applied {
  const task = event.data;
  if (!addTask(queryClient, task).changed) return NOTHING;
  void queryClient.invalidateQueries({ queryKey: queryKeys.taskActivity(task.id), exact: true });
  return { changed: true, highlightId: task.id, summary: `created ${task.key}` };
}

function applyTaskDeleted(queryClient: QueryClient, event: ServerEventOf<'TASK_DELETED'>): Applied {
  const { removed } = removeTask(queryClient, event.data);
  return removed ? { changed: true, summary: `deleted ${removed.key}` } : NOTHING;
}

function applyCommentEvent(
  queryClient: QueryClient,
  event: ServerEventOf<'COMMENT_CREATED' | 'COMMENT_UPDATED' | 'COMMENT_DELETED'>,
): Applied {
  const { taskId } = event.data;
  const taskKey = findCachedTask(queryClient, taskId)?.key ?? 'a task';
  // The comment list is not loaded (drawer closed): a new comment is still worth a toast.
  let changed = event.type === 'COMMENT_CREATED' && !queryClient.getQueryData(queryKeys.taskComments(taskId));
  // The comments are pages, oldest first (`useComments`): a change is made on the page holding it.
  queryClient.setQueryData<Feed<Comment>>(queryKeys.taskComments(taskId), (feed) => {
    // undefined leaves the entry untouched (no write, no fresh timestamp).
    if (!feed) return undefined;
    const cached = feedItems(feed).find((c) => c.id === event.data.id);
    if (event.type === 'COMMENT_DELETED') {
      if (!cached) return undefined;
      changed = true;
      return mapFeedItems(feed, (comments) => comments.filter((c) => c.id !== event.data.id));
    }
    const comment = event.data;
    if (!cached) {
      changed = true;
      // The newest comment goes last; while pages after the ones shown remain, it is on the last of
      // them and "Show newer comments" brings it, in its place and once.
      return feedComplete(feed) ? appendToFeed(feed, comment) : undefined;
    }
    // Edits carry updatedAt: the later one wins, an echo or an older copy changes nothing.
    if (cached.updatedAt >= comment.updatedAt) return undefined;
    changed = true;
    return mapFeedItems(feed, (comments) => comments.map((c) => (c.id === comment.id ? comment : c)));
  });
  // A comment this tab posted past the pages read is kept apart (tasks/comment-cache) until a page holds it.
  if (event.type === 'COMMENT_DELETED' && forgetPostedComment(queryClient, taskId, event.data.id))
    changed = true;
  if (event.type === 'COMMENT_UPDATED' && updatePostedComment(queryClient, event.data)) changed = true;
  // A page of comments in flight may have been read before this change and would land without it:
  // stop it and read the pages again (as the task cache does with a list fetch a change overtook).
  if (changed && queryClient.isFetching({ queryKey: queryKeys.taskComments(taskId), exact: true }) > 0) {
    void queryClient.cancelQueries({ queryKey: queryKeys.taskComments(taskId), exact: true });
    void queryClient.invalidateQueries({ queryKey: queryKeys.taskComments(taskId), exact: true });
  }
  void queryClient.invalidateQueries({ queryKey: queryKeys.taskActivity(taskId), exact: true });
  if (!changed) return NOTHING;
  const verb = {
    COMMENT_CREATED: 'commented on',
    COMMENT_UPDATED: 'edited a comment on',
    COMMENT_DELETED: 'deleted a comment on',
  }[event.type];
  return { changed: true, highlightId: event.data.id, summary: `${verb} ${taskKey}` };
}

/**
 * Applies one stream event to the TanStack Query cache: patched in place with setQueryData where
 * the event carries the resource (tasks, comments), invalidated where it cannot be patched.
 * Idempotent: applying an event twice, or the echo of this tab's own change, changes nothing.
 */
export function applyEvent(queryClient: QueryClient, event: ServerEvent): Applied {
  const ws = event.workspaceId;
  switch (event.type) {
    case 'TASK_CREATED':
      return applyTaskCreated(queryClient, event);
    case 'TASK_UPDATED':
    case 'TASK_MOVED':
      return applyTaskChangeEvent(queryClient, event);
    case 'TASK_DELETED':
      return applyTaskDeleted(queryClient, event);
    case 'COMMENT_CREATED':
    case 'COMMENT_UPDATED':
    case 'COMMENT_DELETED':
      return applyCommentEvent(queryClient, event);
    case 'PROJECT_CREATED':
    case 'PROJECT_UPDATED':
    case 'PROJECT_DELETED':
      void queryClient.invalidateQueries({ queryKey: queryKeys.projects(ws), exact: true });
      void queryClient.invalidateQueries({ queryKey: queryKeys.project(event.entityId), exact: true });
      return NOTHING;
    case 'PROJECT_IMPORTED':
      // One signal for the whole import: the project's task lists re-read once (and the labels
      // it may have added), rather than thousands of TASK_CREATED patches.
      void queryClient.invalidateQueries({ queryKey: queryKeys.boardTasks(event.data.projectId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.labels(ws), exact: true });
      return { changed: true, summary: `imported ${event.data.created} tasks` };
    case 'TASK_DEPENDENCY_ADDED':
    case 'TASK_DEPENDENCY_REMOVED':
      // Nothing on a card changes; both tasks' dependency lists and the timeline may.
      for (const id of [event.data.taskId, event.data.dependsOnTaskId])
        void queryClient.invalidateQueries({ queryKey: queryKeys.taskDependencies(id), exact: true });
      void queryClient.invalidateQueries({
        queryKey: queryKeys.taskActivity(event.data.taskId),
        exact: true,
      });
      return NOTHING;
    case 'TASK_DEVELOPMENT_UPDATED':
      // GitHub linked a commit or pull request, or a pull request's state changed.
      void queryClient.invalidateQueries({
        queryKey: queryKeys.taskDevelopment(event.data.taskId),
        exact: true,
      });
      void queryClient.invalidateQueries({
        queryKey: queryKeys.taskActivity(event.data.taskId),
        exact: true,
      });
      return NOTHING;
    case 'ATTACHMENT_UPDATED':
    case 'ATTACHMENT_DELETED':
      // Added, scanned (the badge changes) or removed: the task's attachment list and timeline re-read.
      void queryClient.invalidateQueries({
        queryKey: queryKeys.taskAttachments(event.data.taskId),
        exact: true,
      });
      void queryClient.invalidateQueries({
        queryKey: queryKeys.taskActivity(event.data.taskId),
        exact: true,
      });
      return NOTHING;
    case 'LABEL_CREATED':
    case 'LABEL_DELETED':
      void queryClient.invalidateQueries({ queryKey: queryKeys.labels(ws), exact: true });
      return NOTHING;
    case 'MEMBER_INVITED':
    case 'INVITATION_REVOKED':
    case 'MEMBER_JOINED':
    case 'MEMBER_UPDATED':
    case 'MEMBER_REMOVED':
      void queryClient.invalidateQueries({ queryKey: queryKeys.members(ws), exact: true });
      if (event.type !== 'MEMBER_INVITED' && event.type !== 'INVITATION_REVOKED')
        void queryClient.invalidateQueries({ queryKey: queryKeys.workspaces, exact: true });
      return NOTHING;
    case 'WORKSPACE_CREATED':
    case 'WORKSPACE_UPDATED':
    case 'WORKSPACE_DELETED':
      void queryClient.invalidateQueries({ queryKey: queryKeys.workspaces, exact: true });
      return NOTHING;
    case 'SPRINT_UPDATED':
      // Counts, dates and charts are the api's to compute: the sprint pages re-read them.
      void queryClient.invalidateQueries({ queryKey: queryKeys.sprints(event.data.projectId), exact: true });
      void queryClient.invalidateQueries({ queryKey: queryKeys.sprint(event.data.id) });
      return NOTHING;
    case 'STATUS_UPDATE_POSTED':
    case 'STATUS_UPDATE_UPDATED':
    case 'STATUS_UPDATE_DELETED':
      // The feed and who-checked-in are re-read (an update as others see it carries no mood).
      void queryClient.invalidateQueries({ queryKey: queryKeys.statusUpdates(ws) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.checkIns(ws) });
      return {
        changed: true,
        summary:
          event.type === 'STATUS_UPDATE_POSTED' ? `posted a check-in for ${event.data.date}` : undefined,
      };
    case 'BLOCKER_UPDATED':
      void queryClient.invalidateQueries({ queryKey: queryKeys.blockers(ws) });
      if (event.data.taskId)
        void queryClient.invalidateQueries({
          queryKey: queryKeys.taskAsyncLinks(event.data.taskId),
          exact: true,
        });
      return { changed: true, highlightId: event.data.id };
    case 'INCIDENT_UPDATED':
      void queryClient.invalidateQueries({ queryKey: queryKeys.incidents(ws) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.incident(event.data.id), exact: true });
      for (const id of event.data.taskIds)
        void queryClient.invalidateQueries({ queryKey: queryKeys.taskAsyncLinks(id), exact: true });
      return { changed: true, highlightId: event.data.id };
    case 'DECISION_UPDATED':
      void queryClient.invalidateQueries({ queryKey: queryKeys.decisions(ws) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.decision(event.data.id), exact: true });
      for (const id of event.data.taskIds)
        void queryClient.invalidateQueries({ queryKey: queryKeys.taskAsyncLinks(id), exact: true });
      return { changed: true, highlightId: event.data.id };
    case 'DIGEST_READY':
      void queryClient.invalidateQueries({ queryKey: queryKeys.digests(ws) });
      return { changed: true };
    case 'NOTIFICATION':
      // Personal (user:{id} only): the notifications module listens for it; no workspace cache holds it.
      return NOTHING;
    case 'XP_AWARDED':
    case 'LEVEL_UP':
    case 'ACHIEVEMENT_UNLOCKED':
      // Personal too: the progress module listens for them (toasts, and re-reads its pages).
      return NOTHING;
    case 'WORKLOG_ENTRY_WRITTEN':
    case 'WORKLOG_ENTRY_ANALYSED':
    case 'WORKLOG_EXPORT_UPDATED':
      // Personal too: the author's work log (their other tabs, the analysis chips, an export's
      // progress) re-reads what it shows.
      void queryClient.invalidateQueries({ queryKey: queryKeys.worklog });
      return NOTHING;
  }
}
