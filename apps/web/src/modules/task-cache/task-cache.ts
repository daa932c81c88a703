import type { Task } from '@teamflow/contracts/tasks';
import type { Query, QueryClient } from '@tanstack/react-query';
import { queryKeys } from '@/lib/query-keys';

// The task cache: a project's task list (`queryKeys.boardTasks`, the Task[] the board, calendar,
// sprint pages and drawer read), the sorted list pages under that key (`[...boardTasks, 'list',
// sort]`) and one task (`queryKeys.task`, the task page). This file is the only writer (the lint
// config refuses setQueryData on those keys anywhere else): api answers, live events, optimistic
// edits and rollbacks all go through it, under one rule.

/**
 * `server`: a copy from the api (a response, a live event, the current task of a 409).
 * `local`: a copy this tab made from a cached one (an optimistic edit, or the copy it replaced, put back).
 */
export type TaskChangeSource = 'server' | 'local';

/** What `applyOptimistic` replaced, for `rollback`. */
export interface TaskSnapshot {
  readonly previous: readonly Task[];
}

/**
 * The one rule: a newer version replaces the cached copy; an older one never does. A local copy
 * also replaces its own version (it was made from it); a server copy of the same version is the
 * echo of what the cache already has.
 */
function replaces(cached: Task, incoming: Task, source: TaskChangeSource): boolean {
  return source === 'local' ? incoming.version >= cached.version : incoming.version > cached.version;
}

const isSortedListKey = (query: Query): boolean => query.queryKey.length > 3;

// An updater that returns undefined leaves the entry untouched: returning the same array would
// still count as a write (fresh again, a pending invalidation dropped).
const UNCHANGED = undefined;

/** Every cached task list (boards and sorted pages) of one project, or of every project. */
function cachedLists(queryClient: QueryClient, projectId?: string): Task[][] {
  return queryClient
    .getQueriesData<Task[]>(
      projectId
        ? { queryKey: queryKeys.boardTasks(projectId) }
        : { predicate: (query) => query.queryKey[0] === 'projects' && query.queryKey[2] === 'tasks' },
    )
    .flatMap(([, tasks]) => (Array.isArray(tasks) ? [tasks] : []));
}

/**
 * A server copy can overtake a fetch of its project's lists (a live event arrives while a refetch
 * is out): that fetch may have read the database before the change, and its answer would land on
 * top of it. So once a change is in, such a fetch is stopped (its query keeps the change) and the
 * lists are fetched again.
 */
function overtakeFetches(queryClient: QueryClient, projectId: string): void {
  const queryKey = queryKeys.boardTasks(projectId);
  if (queryClient.isFetching({ queryKey }) === 0) return;
  void queryClient.cancelQueries({ queryKey });
  void queryClient.invalidateQueries({ queryKey });
}

/** A task as the cache holds it: its project's board first, then the sorted lists, then the task page. */
export function findCachedTask(queryClient: QueryClient, taskId: string): Task | undefined {
  for (const tasks of cachedLists(queryClient)) {
    const found = tasks.find((t) => t.id === taskId);
    if (found) return found;
  }
  return queryClient.getQueryData<Task>(queryKeys.task(taskId));
}

/** The project's board list as cached (undefined until it has loaded). */
export function cachedProjectTasks(queryClient: QueryClient, projectId: string): Task[] | undefined {
  return queryClient.getQueryData<Task[]>(queryKeys.boardTasks(projectId));
}

/**
 * Puts a changed task wherever the cache holds it (its project's board, sorted lists, task page),
 * by the one rule. A task no list holds is not added: only a create adds (`addTask`).
 * Returns whether anything changed and the copy it replaced (the first one found).
 */
export function applyTaskChange(
  queryClient: QueryClient,
  task: Task,
  { source }: { source: TaskChangeSource },
): { changed: boolean; previous?: Task } {
  let previous: Task | undefined;
  let changed = false;
  queryClient.setQueriesData<Task[]>({ queryKey: queryKeys.boardTasks(task.projectId) }, (tasks) => {
    if (!Array.isArray(tasks)) return UNCHANGED;
    const index = tasks.findIndex((t) => t.id === task.id);
    if (index === -1) return UNCHANGED;
    const cached = tasks[index]!;
    previous ??= cached;
    if (!replaces(cached, task, source)) return UNCHANGED;
    changed = true;
    return tasks.map((t, i) => (i === index ? task : t));
  });
  queryClient.setQueryData<Task>(queryKeys.task(task.id), (cached) => {
    if (!cached) return UNCHANGED;
    previous ??= cached;
    if (!replaces(cached, task, source)) return UNCHANGED;
    changed = true;
    return task;
  });
  // A local copy comes from `applyOptimistic`, which has stopped the fetches already.
  if (changed && source === 'server') overtakeFetches(queryClient, task.projectId);
  return { changed, previous };
}

/**
 * A task the api just created (a response or a live event): added to its project's board list
 * once; the sorted list pages, which cannot place it without the sort, are refetched. A task the
 * cache already knows is only a change.
 */
export function addTask(queryClient: QueryClient, task: Task): { changed: boolean } {
  const known = cachedLists(queryClient, task.projectId).some((tasks) => tasks.some((t) => t.id === task.id));
  if (known) return applyTaskChange(queryClient, task, { source: 'server' });
  let added = false;
  queryClient.setQueryData<Task[]>(queryKeys.boardTasks(task.projectId), (tasks) => {
    if (!tasks) return UNCHANGED;
    added = true;
    return [...tasks, task];
  });
  const sorted = queryClient
    .getQueryCache()
    .findAll({ queryKey: queryKeys.boardTasks(task.projectId), predicate: isSortedListKey });
  if (sorted.length > 0)
    void queryClient.invalidateQueries({
      queryKey: queryKeys.boardTasks(task.projectId),
      predicate: isSortedListKey,
    });
  if (added) overtakeFetches(queryClient, task.projectId);
  return { changed: added || sorted.length > 0 };
}

/** A deleted task leaves every list of its project. Returns the copy removed, if any list held it. */
export function removeTask(
  queryClient: QueryClient,
  { id, projectId }: { id: string; projectId: string },
): { removed?: Task } {
  let removed: Task | undefined;
  queryClient.setQueriesData<Task[]>({ queryKey: queryKeys.boardTasks(projectId) }, (tasks) => {
    if (!Array.isArray(tasks)) return UNCHANGED;
    const found = tasks.find((t) => t.id === id);
    if (!found) return UNCHANGED;
    removed ??= found;
    return tasks.filter((t) => t.id !== id);
  });
  if (removed) overtakeFetches(queryClient, projectId);
  return { removed };
}

/**
 * Shows edits at once, before the api answers: each copy (made from the cached task) goes in as
 * a local change, after stopping any fetch of its project's lists that would land on top of it.
 * Returns what it replaced, for `rollback` when the api refuses.
 */
export function applyOptimistic(queryClient: QueryClient, edited: readonly Task[]): TaskSnapshot {
  for (const projectId of new Set(edited.map((t) => t.projectId)))
    void queryClient.cancelQueries({ queryKey: queryKeys.boardTasks(projectId) });
  const previous = edited.flatMap((task) => {
    const before = findCachedTask(queryClient, task.id);
    applyTaskChange(queryClient, task, { source: 'local' });
    return before ? [before] : [];
  });
  return { previous };
}

/** Puts back what an optimistic edit replaced, except where a newer server copy has arrived since. */
export function rollback(queryClient: QueryClient, snapshot: TaskSnapshot): void {
  for (const task of snapshot.previous) applyTaskChange(queryClient, task, { source: 'local' });
}
