import type { Comment } from '@teamflow/contracts/comments';
import type { ServerEvent, ServerEventOf } from '@teamflow/contracts/events';
import type { Task } from '@teamflow/contracts/tasks';
import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '@/lib/query-keys';
import { STATUS_LABEL } from '@/modules/board/board-columns';

/** What applying an event did: whether the cache changed, and the line for a toast. */
export interface Applied {
  changed: boolean;
  /** The task or comment to highlight. */
  highlightId?: string;
  /** "moved TF-12 to In progress" (the actor's name goes in front). */
  summary?: string;
}

const NOTHING: Applied = { changed: false };

/** A task as some cached board or list holds it (for names in toasts and "was it moved?"). */
function cachedTask(queryClient: QueryClient, taskId: string): Task | undefined {
  for (const [, data] of queryClient.getQueriesData<Task[]>({ queryKey: ['projects'] })) {
    if (!Array.isArray(data)) continue;
    const found = data.find((t) => t?.id === taskId);
    if (found) return found;
  }
  return undefined;
}

/** Replaces the task in the board and every list sort of its project where the event is newer. */
function patchTask(queryClient: QueryClient, task: Task): { had?: Task; changed: boolean } {
  let had: Task | undefined;
  let changed = false;
  queryClient.setQueriesData<Task[]>({ queryKey: queryKeys.boardTasks(task.projectId) }, (tasks) => {
    if (!Array.isArray(tasks)) return tasks;
    const index = tasks.findIndex((t) => t.id === task.id);
    if (index === -1) return tasks;
    const current = tasks[index]!;
    had ??= current;
    // The echo of our own change (or an older copy): the cache already has this version.
    if (current.version >= task.version) return tasks;
    changed = true;
    return tasks.map((t, i) => (i === index ? task : t));
  });
  return { had, changed };
}

function applyTaskEvent(
  queryClient: QueryClient,
  event: ServerEventOf<'TASK_CREATED' | 'TASK_UPDATED' | 'TASK_MOVED'>,
): Applied {
  const task = event.data;
  const { had, changed } = patchTask(queryClient, task);
  let added = false;
  if (event.type === 'TASK_CREATED') {
    queryClient.setQueryData<Task[]>(queryKeys.boardTasks(task.projectId), (tasks) => {
      if (!tasks || tasks.some((t) => t.id === task.id)) return tasks;
      added = true;
      return [...tasks, task];
    });
    // Sorted list pages cannot place a new row without the sort: those are refetched.
    if (added)
      void queryClient.invalidateQueries({
        queryKey: queryKeys.boardTasks(task.projectId),
        predicate: (query) => query.queryKey.length > 3,
      });
  }
  if (!changed && !added) return NOTHING;
  void queryClient.invalidateQueries({ queryKey: queryKeys.taskActivity(task.id), exact: true });
  const summary =
    event.type === 'TASK_CREATED'
      ? `created ${task.key}`
      : event.type === 'TASK_MOVED' || (had && had.status !== task.status)
        ? `moved ${task.key} to ${STATUS_LABEL[task.status]}`
        : `updated ${task.key}`;
  return { changed: true, highlightId: task.id, summary };
}

function applyTaskDeleted(queryClient: QueryClient, event: ServerEventOf<'TASK_DELETED'>): Applied {
  const { projectId } = event.data;
  const known = cachedTask(queryClient, event.entityId);
  let removed = false;
  queryClient.setQueriesData<Task[]>({ queryKey: queryKeys.boardTasks(projectId) }, (tasks) => {
    if (!Array.isArray(tasks) || !tasks.some((t) => t.id === event.entityId)) return tasks;
    removed = true;
    return tasks.filter((t) => t.id !== event.entityId);
  });
  return removed ? { changed: true, summary: `deleted ${known?.key ?? 'a task'}` } : NOTHING;
}

function applyCommentEvent(
  queryClient: QueryClient,
  event: ServerEventOf<'COMMENT_CREATED' | 'COMMENT_UPDATED' | 'COMMENT_DELETED'>,
): Applied {
  const { taskId } = event.data;
  const key = queryKeys.taskComments(taskId);
  const taskKey = cachedTask(queryClient, taskId)?.key ?? 'a task';
  let changed = false;
  if (event.type === 'COMMENT_DELETED') {
    queryClient.setQueryData<Comment[]>(key, (comments) => {
      if (!comments?.some((c) => c.id === event.entityId)) return comments;
      changed = true;
      return comments.filter((c) => c.id !== event.entityId);
    });
  } else {
    const comment = event.data;
    queryClient.setQueryData<Comment[]>(key, (comments) => {
      if (!comments) return comments;
      const current = comments.find((c) => c.id === comment.id);
      if (!current) {
        changed = true;
        return [...comments, comment];
      }
      if (current.updatedAt >= comment.updatedAt) return comments;
      changed = true;
      return comments.map((c) => (c.id === comment.id ? comment : c));
    });
    // The comment list is not loaded (drawer closed): still worth a toast for a new comment.
    if (!queryClient.getQueryData(key) && event.type === 'COMMENT_CREATED') changed = true;
  }
  void queryClient.invalidateQueries({ queryKey: queryKeys.taskActivity(taskId), exact: true });
  if (!changed) return NOTHING;
  const verb =
    event.type === 'COMMENT_CREATED'
      ? 'commented on'
      : event.type === 'COMMENT_UPDATED'
        ? 'edited a comment on'
        : 'deleted a comment on';
  return { changed: true, highlightId: event.entityId, summary: `${verb} ${taskKey}` };
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
    case 'TASK_UPDATED':
    case 'TASK_MOVED':
      return applyTaskEvent(queryClient, event);
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
    case 'NOTIFICATION':
      return NOTHING;
  }
}
