import './fake-indexeddb';
import type { Task } from '@teamflow/contracts/tasks';
import { onlineManager } from '@tanstack/react-query';
import { randomUUID } from 'node:crypto';
import { setAccessToken } from '@/lib/api-client';
import type { ApiError } from '@/lib/api-error';
import { closeOfflineDb, offlineDb, rememberUser, wipeOfflineData } from '@/modules/offline/offline-db';
import {
  enqueue,
  pendingWrites,
  replayQueue,
  resolveConflict,
  type ReplayHandlers,
} from '@/modules/offline/offline-queue';
import type { QueuedWrite } from '@/modules/offline/queued-write';
import { QUEUED, sendOrQueue, setQueueOwner } from '@/modules/offline/send-or-queue';
import { anAnswer, aTask, ME, PROJECT } from './builders';

/**
 * The api's side, stubbed at fetch: tasks with versions (a stale one is a 409 carrying the current
 * task), deleted tasks (404), and `Idempotency-Key` honoured as the api does (the same key answers
 * the first answer again without a second write).
 */
function fakeApi(tasks: Task[]) {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const answered = new Map<string, { status: number; body: unknown }>();
  const requests: { method: string; path: string; key?: string; body: Record<string, unknown> }[] = [];
  let writes = 0;
  let network = true;
  const handle = (method: string, path: string, body: Record<string, unknown>) => {
    const create = path.match(/^\/api\/v1\/projects\/([^/]+)\/tasks$/);
    if (create) {
      writes++;
      const task = aTask({ ...body, projectId: create[1], version: 1 });
      byId.set(task.id, task);
      return { status: 201, body: task };
    }
    const comment = path.match(/^\/api\/v1\/tasks\/([^/]+)\/comments$/);
    const edit = path.match(/^\/api\/v1\/tasks\/([^/]+)(\/move)?$/);
    const id = (comment ?? edit)?.[1];
    const task = id ? byId.get(id) : undefined;
    if (!task)
      return {
        status: 404,
        body: { error: { code: 'NOT_FOUND', message: 'Task not found', requestId: 'r' } },
      };
    if (comment) {
      writes++;
      return { status: 201, body: { id: randomUUID(), taskId: task.id, body: body.body } };
    }
    if (body.version !== task.version)
      return {
        status: 409,
        body: { error: { code: 'CONFLICT', message: 'Stale', details: { current: task }, requestId: 'r' } },
      };
    writes++;
    const { version: _sent, ...fields } = body;
    const saved: Task = { ...task, ...fields, version: task.version + 1 };
    byId.set(task.id, saved);
    return { status: 200, body: saved };
  };
  const fetch = jest.fn((input: string, init: RequestInit) => {
    if (!network) return Promise.reject(new TypeError('Failed to fetch'));
    const url = new URL(input);
    const headers = (init.headers ?? {}) as Record<string, string>;
    const body = init.body ? (JSON.parse(init.body as string) as Record<string, unknown>) : {};
    const key = headers['Idempotency-Key'];
    requests.push({ method: init.method!, path: url.pathname, key, body });
    const answer = (key && answered.get(key)) || handle(init.method!, url.pathname, body);
    if (key && answer.status < 300) answered.set(key, answer);
    return Promise.resolve(anAnswer(answer.status, answer.body));
  });
  return {
    fetch,
    requests,
    task: (id: string) => byId.get(id)!,
    setTask: (task: Task) => byId.set(task.id, task),
    remove: (id: string) => byId.delete(id),
    writes: () => writes,
    setNetwork: (up: boolean) => (network = up),
  };
}

function recorder(): ReplayHandlers & {
  applied: jest.Mock;
  conflicts: { write: QueuedWrite; current: Task }[];
  dropped: jest.Mock;
} {
  const conflicts: { write: QueuedWrite; current: Task }[] = [];
  return {
    applied: jest.fn(),
    conflicts,
    conflict: (write, current) => conflicts.push({ write, current }),
    dropped: jest.fn(),
  };
}

const edit = (task: Task, body: Record<string, unknown>, label = `Edit ${task.key}`) =>
  enqueue({
    userId: ME.id,
    kind: 'update-task',
    method: 'PATCH',
    path: `/tasks/${task.id}`,
    body: { ...body, version: task.version },
    taskId: task.id,
    projectId: task.projectId,
    label,
    idempotencyKey: randomUUID(),
  });

const move = (task: Task, status: string, extra: Record<string, unknown> = {}) =>
  enqueue({
    userId: ME.id,
    kind: 'move-task',
    method: 'POST',
    path: `/tasks/${task.id}/move`,
    body: { status, version: task.version, ...extra },
    taskId: task.id,
    projectId: task.projectId,
    label: `Move ${task.key}`,
    idempotencyKey: randomUUID(),
  });

const realFetch = globalThis.fetch;
afterEach(async () => {
  globalThis.fetch = realFetch;
  onlineManager.setOnline(true);
  setQueueOwner(undefined);
  setAccessToken(undefined);
  await closeOfflineDb();
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase('teamflow-offline');
    req.onsuccess = () => resolve();
    req.onerror = () => resolve();
  });
});

function useApi(tasks: Task[]) {
  const api = fakeApi(tasks);
  globalThis.fetch = api.fetch as unknown as typeof fetch;
  return api;
}

it('replays in the order the changes were made, each later edit on the version the one before saved', async () => {
  const task = aTask();
  const api = useApi([task]);
  await move(task, 'in_progress');
  await edit(task, { title: 'Renamed on the train' });
  await edit(task, { priority: 'high' });

  const handlers = recorder();
  expect(await replayQueue(ME.id, handlers)).toBe('done');

  expect(api.requests.map((r) => [r.method, r.path, r.body.version])).toEqual([
    ['POST', `/api/v1/tasks/${task.id}/move`, 1],
    ['PATCH', `/api/v1/tasks/${task.id}`, 2],
    ['PATCH', `/api/v1/tasks/${task.id}`, 3],
  ]);
  expect(api.task(task.id)).toMatchObject({
    status: 'in_progress',
    title: 'Renamed on the train',
    priority: 'high',
    version: 4,
  });
  expect(handlers.applied.mock.calls).toHaveLength(3);
  expect(await pendingWrites(ME.id)).toEqual([]);
});

it('pauses at a conflict: the writes behind it wait until the person keeps theirs or mine', async () => {
  const changed = aTask();
  const other = aTask();
  const api = useApi([changed, other]);
  await edit(changed, { title: 'Mine' });
  await edit(other, { title: 'Behind the conflict' });
  // Someone else saved a newer version meanwhile.
  api.setTask({ ...changed, title: 'Theirs', version: 2 });

  const handlers = recorder();
  expect(await replayQueue(ME.id, handlers)).toBe('conflict');
  expect(handlers.conflicts).toHaveLength(1);
  expect(handlers.conflicts[0]!.current).toMatchObject({ title: 'Theirs', version: 2 });
  expect(api.task(other.id).title).toBe(other.title);
  // Still paused on a second attempt (the online event, the retry timer).
  expect(await replayQueue(ME.id, handlers)).toBe('conflict');
  expect(api.requests).toHaveLength(1);

  await resolveConflict(handlers.conflicts[0]!.write, {
    keep: 'mine',
    current: handlers.conflicts[0]!.current,
  });
  expect(await replayQueue(ME.id, handlers)).toBe('done');
  expect(api.task(changed.id)).toMatchObject({ title: 'Mine', version: 3 });
  expect(api.task(other.id).title).toBe('Behind the conflict');
  // "Keep mine" is a new request: the refused one's key is not reused.
  expect(api.requests[1]!.key).not.toBe(api.requests[0]!.key);
});

it('drops a change to a task that is gone (404) with a message and goes on with the rest', async () => {
  const deleted = aTask();
  const kept = aTask();
  const api = useApi([deleted, kept]);
  await edit(deleted, { title: 'Too late' });
  await edit(kept, { title: 'Still saved' });
  api.remove(deleted.id);

  const handlers = recorder();
  expect(await replayQueue(ME.id, handlers)).toBe('done');
  expect(handlers.dropped.mock.calls).toHaveLength(1);
  const [write, error] = handlers.dropped.mock.calls[0] as [QueuedWrite, ApiError];
  expect(write.label).toBe(`Edit ${deleted.key}`);
  expect(error.status).toBe(404);
  expect(api.task(kept.id).title).toBe('Still saved');
});

it('sends every replay of a change with the key it was given, so a lost answer is applied once', async () => {
  const task = aTask();
  const api = useApi([task]);
  const queued = await edit(task, { title: 'Once' });

  api.setNetwork(false);
  expect(await replayQueue(ME.id, recorder())).toBe('offline');
  expect((await pendingWrites(ME.id))[0]).toMatchObject({
    attempts: 1,
    idempotencyKey: queued.idempotencyKey,
  });

  // The api committed, the answer never arrived: the write is still queued and goes again.
  api.setNetwork(true);
  await api.fetch(`http://api/api/v1/tasks/${task.id}`, {
    method: 'PATCH',
    headers: { 'Idempotency-Key': queued.idempotencyKey },
    body: JSON.stringify(queued.body),
  });
  expect(await replayQueue(ME.id, recorder())).toBe('done');
  expect(api.requests.map((r) => r.key)).toEqual([queued.idempotencyKey, queued.idempotencyKey]);
  expect(api.writes()).toBe(1);
  expect(api.task(task.id)).toMatchObject({ title: 'Once', version: 2 });
});

it('gives a task created offline its real id in the changes queued behind it', async () => {
  const api = useApi([]);
  const tempId = randomUUID();
  await enqueue({
    userId: ME.id,
    kind: 'create-task',
    method: 'POST',
    path: `/projects/${PROJECT}/tasks`,
    body: { title: 'Made in a tunnel' },
    taskId: tempId,
    projectId: PROJECT,
    label: 'Create TF-?',
    idempotencyKey: randomUUID(),
  });
  await move({ ...aTask({ id: tempId }), version: 1 }, 'done');

  const handlers = recorder();
  expect(await replayQueue(ME.id, handlers)).toBe('done');
  const created = handlers.applied.mock.calls[0]![1] as Task;
  expect(api.requests[1]).toMatchObject({ path: `/api/v1/tasks/${created.id}/move`, body: { version: 1 } });
  expect(api.task(created.id)).toMatchObject({ status: 'done', version: 2 });
});

it('queues a write made offline, and one whose send finds no network, with the key it was sent with', async () => {
  const task = aTask();
  const api = useApi([task]);
  setQueueOwner(ME.id);

  onlineManager.setOnline(false);
  const offline = await sendOrQueue(
    {
      kind: 'update-task',
      method: 'PATCH',
      path: `/tasks/${task.id}`,
      body: { title: 'A', version: 1 },
      taskId: task.id,
      projectId: PROJECT,
      label: 'Edit',
    },
    (await import('@teamflow/contracts/tasks')).Task,
  );
  expect(offline).toBe(QUEUED);
  expect(api.requests).toHaveLength(0);
  await replayQueue(ME.id, recorder());

  onlineManager.setOnline(true);
  api.setNetwork(false);
  const lost = await sendOrQueue(
    {
      kind: 'update-task',
      method: 'PATCH',
      path: `/tasks/${task.id}`,
      body: { title: 'B', version: 2 },
      taskId: task.id,
      projectId: PROJECT,
      label: 'Edit',
    },
    (await import('@teamflow/contracts/tasks')).Task,
  );
  expect(lost).toBe(QUEUED);
  const [queued] = await pendingWrites(ME.id);
  expect(queued!.idempotencyKey).toEqual(expect.any(String));
});

it('wipes the signed-out person’s queue, cache and name, and nobody else’s', async () => {
  const task = aTask();
  await edit(task, { title: 'Mine' });
  await enqueue({
    ...(await pendingWrites(ME.id))[0]!,
    seq: undefined,
    userId: 'someone-else',
  } as QueuedWrite);
  const db = await offlineDb();
  await db.put('cache', { userId: ME.id, savedAt: 1, state: { queries: [], mutations: [] } });
  await rememberUser({ id: ME.id, name: 'Me', email: 'me@example.com' } as never);

  await wipeOfflineData(ME.id);
  expect(await pendingWrites(ME.id)).toEqual([]);
  expect(await pendingWrites('someone-else')).toHaveLength(1);
  expect(await db.get('cache', ME.id)).toBeUndefined();
  expect(await db.get('session', 'last-user')).toBeUndefined();
});

it('never writes the access token to IndexedDB', async () => {
  const task = aTask();
  useApi([task]);
  setAccessToken('secret-access-token');
  setQueueOwner(ME.id);
  onlineManager.setOnline(false);
  await sendOrQueue(
    {
      kind: 'update-task',
      method: 'PATCH',
      path: `/tasks/${task.id}`,
      body: { title: 'A', version: 1 },
      taskId: task.id,
      projectId: PROJECT,
      label: 'Edit',
    },
    (await import('@teamflow/contracts/tasks')).Task,
  );
  const db = await offlineDb();
  const everything = JSON.stringify([
    await db.getAll('queue'),
    await db.getAll('cache'),
    await db.getAll('session'),
  ]);
  expect(everything).not.toContain('secret-access-token');
  expect(everything).toContain('"title":"A"');
});
