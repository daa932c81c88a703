import type { Task } from '@teamflow/contracts/tasks';
import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '@/lib/query-keys';
import {
  addTask,
  applyOptimistic,
  applyTaskChange,
  findCachedTask,
  removeTask,
  rollback,
} from '@/modules/task-cache/task-cache';
import { aQueryClient, aTask, invalidated, loaded, PROJECT } from './builders';

const board = queryKeys.boardTasks(PROJECT);
const byPriority = [...board, 'list', 'priority'] as const;
const byDueDate = [...board, 'list', 'dueDate'] as const;

let queryClient: QueryClient;
beforeEach(() => {
  queryClient = aQueryClient();
});
afterEach(() => queryClient.clear());

const boardTasks = () => queryClient.getQueryData<Task[]>(board);

describe('applyTaskChange', () => {
  it('puts a newer server copy in the board, every sorted list and the task page', async () => {
    const task = aTask();
    const other = aTask();
    await loaded(queryClient, board, [task, other]);
    await loaded(queryClient, byPriority, [other, task]);
    await loaded(queryClient, queryKeys.task(task.id), task);
    const saved = { ...task, title: 'Renamed', version: 2 };

    const result = applyTaskChange(queryClient, saved, { source: 'server' });

    expect(result).toEqual({ changed: true, previous: task });
    expect(boardTasks()).toEqual([saved, other]);
    expect(queryClient.getQueryData(byPriority)).toEqual([other, saved]);
    expect(queryClient.getQueryData(queryKeys.task(task.id))).toEqual(saved);
  });

  it('ignores an older copy and the echo of the version the cache already has', async () => {
    const task = aTask({ version: 3, title: 'Current' });
    await loaded(queryClient, board, [task]);

    const older = applyTaskChange(queryClient, { ...task, version: 2, title: 'Older' }, { source: 'server' });
    const echo = applyTaskChange(queryClient, { ...task, title: 'Echo' }, { source: 'server' });

    expect(older.changed).toBe(false);
    expect(echo.changed).toBe(false);
    expect(boardTasks()).toEqual([task]);
  });

  it('adds nothing for a task no list holds (only a create adds)', async () => {
    await loaded(queryClient, board, [aTask()]);
    const stranger = aTask({ version: 5 });

    expect(applyTaskChange(queryClient, stranger, { source: 'server' }).changed).toBe(false);
    expect(boardTasks()).toHaveLength(1);
  });

  it('leaves other projects alone', async () => {
    const elsewhere = aTask({ projectId: crypto.randomUUID() });
    await loaded(queryClient, board, [aTask()]);
    await loaded(queryClient, queryKeys.boardTasks(elsewhere.projectId), [elsewhere]);
    const before = boardTasks();

    applyTaskChange(queryClient, { ...elsewhere, version: 2 }, { source: 'server' });

    expect(boardTasks()).toBe(before);
  });
});

describe('addTask', () => {
  it('adds a created task to the board once and refetches the sorted lists instead of placing it', async () => {
    const existing = aTask();
    await loaded(queryClient, board, [existing]);
    await loaded(queryClient, byPriority, [existing]);
    await loaded(queryClient, byDueDate, [existing]);
    const created = aTask();

    expect(addTask(queryClient, created).changed).toBe(true);
    expect(addTask(queryClient, created).changed).toBe(false);

    expect(boardTasks()).toEqual([existing, created]);
    expect(queryClient.getQueryData(byPriority)).toEqual([existing]);
    expect(invalidated(queryClient, byPriority)).toBe(true);
    expect(invalidated(queryClient, byDueDate)).toBe(true);
    expect(invalidated(queryClient, board)).toBe(false);
  });

  it('treats a task the board already has as a change (newer wins)', async () => {
    const task = aTask();
    await loaded(queryClient, board, [task]);
    const newer = { ...task, title: 'Newer', version: 2 };

    addTask(queryClient, newer);

    expect(boardTasks()).toEqual([newer]);
  });

  it('does nothing while no list of the project is loaded', () => {
    expect(addTask(queryClient, aTask()).changed).toBe(false);
    expect(boardTasks()).toBeUndefined();
  });
});

describe('removeTask', () => {
  it('takes a deleted task out of the board and every sorted list and returns it', async () => {
    const gone = aTask();
    const kept = aTask();
    await loaded(queryClient, board, [gone, kept]);
    await loaded(queryClient, byPriority, [kept, gone]);

    expect(removeTask(queryClient, { id: gone.id, projectId: PROJECT }).removed).toEqual(gone);
    expect(removeTask(queryClient, { id: gone.id, projectId: PROJECT }).removed).toBeUndefined();

    expect(boardTasks()).toEqual([kept]);
    expect(queryClient.getQueryData(byPriority)).toEqual([kept]);
  });
});

describe('applyOptimistic and rollback', () => {
  it('shows an edit at once and rollback restores the copy it replaced', async () => {
    const task = aTask({ status: 'todo' });
    await loaded(queryClient, board, [task]);
    await loaded(queryClient, byPriority, [task]);

    const snapshot = applyOptimistic(queryClient, [{ ...task, status: 'done' }]);
    expect(boardTasks()?.[0]?.status).toBe('done');
    expect(queryClient.getQueryData<Task[]>(byPriority)?.[0]?.status).toBe('done');

    rollback(queryClient, snapshot);
    expect(boardTasks()).toEqual([task]);
    expect(queryClient.getQueryData(byPriority)).toEqual([task]);
  });

  it('rollback keeps a newer server copy that arrived while the request was out', async () => {
    const task = aTask();
    await loaded(queryClient, board, [task]);
    const snapshot = applyOptimistic(queryClient, [{ ...task, title: 'Mine' }]);
    const theirs = { ...task, title: 'Theirs', version: 2 };
    applyTaskChange(queryClient, theirs, { source: 'server' });

    rollback(queryClient, snapshot);

    expect(boardTasks()).toEqual([theirs]);
  });

  it('does not put an edit made from a stale copy over a newer cached one', async () => {
    const stale = aTask();
    const current = { ...stale, title: 'Current', version: 2 };
    await loaded(queryClient, board, [current]);

    applyOptimistic(queryClient, [{ ...stale, title: 'Mine' }]);

    expect(boardTasks()).toEqual([current]);
  });

  it('stops a fetch of the project in flight, so its older answer cannot land on top of the edit', async () => {
    const task = aTask();
    await loaded(queryClient, board, [task]);
    let answer: (tasks: Task[]) => void = () => undefined;
    const refetch = queryClient.fetchQuery({
      queryKey: board,
      staleTime: 0,
      queryFn: () => new Promise<Task[]>((resolve) => (answer = resolve)),
    });

    applyOptimistic(queryClient, [{ ...task, title: 'Mine' }]);
    answer([task]);

    await refetch.catch(() => undefined);
    expect(boardTasks()?.[0]?.title).toBe('Mine');
  });
});

describe('a server copy that overtakes a fetch under way', () => {
  // The fetch read the database before the change; its answer arrives after the live event.
  async function withFetchOut(tasks: Task[], change: () => void): Promise<void> {
    let answer: (tasks: Task[]) => void = () => undefined;
    const refetch = queryClient.fetchQuery({
      queryKey: board,
      staleTime: 0,
      queryFn: () => new Promise<Task[]>((resolve) => (answer = resolve)),
    });
    change();
    answer(tasks);
    await refetch.catch(() => undefined);
  }

  it('keeps a live create, and fetches the board again', async () => {
    const existing = aTask();
    await loaded(queryClient, board, [existing]);
    const created = aTask();

    await withFetchOut([existing], () => addTask(queryClient, created));

    expect(boardTasks()).toEqual([existing, created]);
    expect(invalidated(queryClient, board)).toBe(true);
  });

  it('keeps a live change and a live delete', async () => {
    const task = aTask();
    const gone = aTask();
    await loaded(queryClient, board, [task, gone]);
    const renamed = { ...task, title: 'Renamed', version: 2 };

    await withFetchOut([task, gone], () => {
      applyTaskChange(queryClient, renamed, { source: 'server' });
      removeTask(queryClient, gone);
    });

    expect(boardTasks()).toEqual([renamed]);
  });

  it('leaves a fetch alone when the copy changed nothing (the echo of an edit)', async () => {
    const task = aTask();
    await loaded(queryClient, board, [task]);
    const fresher = [{ ...task }, aTask()];

    await withFetchOut(fresher, () => applyTaskChange(queryClient, task, { source: 'server' }));

    expect(boardTasks()).toEqual(fresher);
  });
});

describe('findCachedTask', () => {
  it('reads the board, then the sorted lists, then the task page', async () => {
    const onBoard = aTask();
    const onlyListed = aTask();
    const onlyOpened = aTask();
    await loaded(queryClient, board, [onBoard]);
    await loaded(queryClient, byPriority, [onlyListed]);
    await loaded(queryClient, queryKeys.task(onlyOpened.id), onlyOpened);

    expect(findCachedTask(queryClient, onBoard.id)).toEqual(onBoard);
    expect(findCachedTask(queryClient, onlyListed.id)).toEqual(onlyListed);
    expect(findCachedTask(queryClient, onlyOpened.id)).toEqual(onlyOpened);
    expect(findCachedTask(queryClient, crypto.randomUUID())).toBeUndefined();
  });
});
