import type { Activity, ActivityPage } from '@teamflow/contracts/activity';
import type { Task } from '@teamflow/contracts/tasks';
import type { QueryClient } from '@tanstack/react-query';
import { randomUUID } from 'node:crypto';
import { queryKeys } from '@/lib/query-keys';
import { startSync, type EventSource } from '@/modules/event-sync/sync';
import type { JoinAck } from '@/modules/realtime/realtime-client';
import {
  ALICE,
  aNotification,
  anAnswer,
  anEvent,
  aQueryClient,
  aTask,
  invalidated,
  loaded,
  ME,
  PROJECT,
  WORKSPACE,
} from './builders';

const board = queryKeys.boardTasks(PROJECT);

/** Stands in for the tab's socket: the test delivers events, join acks and reconnects. */
function fakeSocket() {
  const streams = new Set<(payload: unknown, type: string) => void>();
  const joins = new Set<(ack: JoinAck) => void>();
  const reconnects = new Set<() => void>();
  const subscribe =
    <T>(set: Set<T>) =>
    (listener: T) => {
      set.add(listener);
      return () => void set.delete(listener);
    };
  const source: EventSource = {
    onRealtime: (_type, listener) => subscribe(streams)(listener),
    onJoined: subscribe(joins),
    onReconnected: subscribe(reconnects),
  };
  return {
    source,
    deliver: (event: { type: string; [field: string]: unknown }) =>
      streams.forEach((listener) => listener(event, event.type)),
    joined: (seq: number) =>
      joins.forEach((listener) =>
        listener({ joined: [], denied: [], online: {}, seq: { [WORKSPACE]: seq } }),
      ),
    reconnected: () => reconnects.forEach((listener) => listener()),
  };
}

/** The api's side of `GET /workspaces/:id/activity`: the HTTP boundary, stubbed at fetch. */
function fakeApi() {
  const requests: string[] = [];
  let answer: (url: URL) => { status: number; body: unknown } = () => ({
    status: 200,
    body: { items: [], nextCursor: null } satisfies ActivityPage,
  });
  const fetch = jest.fn((input: string) => {
    const url = new URL(input);
    requests.push(`${url.pathname}${url.search}`);
    const { status, body } = answer(url);
    return Promise.resolve(anAnswer(status, body));
  });
  return {
    fetch,
    requests,
    answers: (next: typeof answer) => (answer = next),
  };
}

function anActivity(seq: number, task: Task): Activity {
  return {
    id: randomUUID(),
    workspaceId: WORKSPACE,
    projectId: task.projectId,
    taskId: task.id,
    entityType: 'task',
    entityId: task.id,
    action: 'updated',
    changes: {},
    actor: ALICE,
    seq,
    createdAt: '2026-01-02T10:00:00.000Z',
  };
}

// Everything the catch-up awaits (the stubbed fetch, the JSON, the parse) settles within a tick.
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let queryClient: QueryClient;
let socket: ReturnType<typeof fakeSocket>;
let api: ReturnType<typeof fakeApi>;
let stop: () => void;
const realFetch = globalThis.fetch;

beforeEach(() => {
  queryClient = aQueryClient();
  socket = fakeSocket();
  api = fakeApi();
  globalThis.fetch = api.fetch as unknown as typeof fetch;
  stop = startSync(queryClient, ME.id, socket.source);
});
afterEach(() => {
  stop();
  queryClient.clear();
  globalThis.fetch = realFetch;
});

const boardTasks = () => queryClient.getQueryData<Task[]>(board);
const activityPath = (since: number) => `/api/v1/workspaces/${WORKSPACE}/activity?since=${since}&limit=100`;

it('applies each workspace event once: a second delivery of the same seq is dropped', async () => {
  const task = aTask();
  await loaded(queryClient, board, [task]);
  socket.joined(0);
  const first = { ...task, title: 'First', version: 2 };

  socket.deliver(anEvent('TASK_UPDATED', first, { seq: 1 }));
  socket.deliver(anEvent('TASK_UPDATED', { ...task, title: 'Again', version: 3 }, { seq: 1 }));
  await settle();

  expect(boardTasks()).toEqual([first]);
  expect(api.requests).toEqual([]);
});

it('a gap in the seq fetches what was missed with ?since= and refetches what it touched', async () => {
  const task = aTask();
  const other = aTask();
  await loaded(queryClient, board, [task, other]);
  await loaded(queryClient, queryKeys.task(other.id), other);
  api.answers(() => ({
    status: 200,
    body: { items: [anActivity(8, other), anActivity(7, other)], nextCursor: null },
  }));
  socket.joined(5);

  socket.deliver(anEvent('TASK_UPDATED', { ...task, version: 2 }, { seq: 6 }));
  const afterGap = { ...task, title: 'After the gap', version: 3 };
  socket.deliver(anEvent('TASK_UPDATED', afterGap, { seq: 9 }));
  await settle();

  expect(api.requests).toEqual([activityPath(6)]);
  expect(boardTasks()?.[0]).toEqual(afterGap);
  expect(invalidated(queryClient, board)).toBe(true);
  expect(invalidated(queryClient, queryKeys.task(other.id))).toBe(true);

  // Seq 8 came in through the catch-up: its late live copy is a duplicate; 10 follows 9, no gap.
  socket.deliver(anEvent('TASK_UPDATED', { ...other, title: 'Late', version: 2 }, { seq: 8 }));
  socket.deliver(anEvent('TASK_UPDATED', { ...task, version: 4 }, { seq: 10 }));
  await settle();
  expect(boardTasks()?.[1]).toEqual(other);
  expect(api.requests).toEqual([activityPath(6)]);
});

it('follows the catch-up’s cursor across pages', async () => {
  const task = aTask();
  await loaded(queryClient, board, [task]);
  api.answers((url) =>
    url.searchParams.get('cursor')
      ? { status: 200, body: { items: [anActivity(3, task)], nextCursor: null } }
      : { status: 200, body: { items: [anActivity(2, task)], nextCursor: 'page-2' } },
  );
  socket.joined(1);

  socket.deliver(anEvent('TASK_UPDATED', { ...task, version: 2 }, { seq: 4 }));
  await settle();

  expect(api.requests).toEqual([activityPath(1), `${activityPath(1)}&cursor=page-2`]);
});

it('after a reconnect it catches up from the last seq it saw', async () => {
  const task = aTask();
  await loaded(queryClient, board, [task]);
  socket.joined(3);
  socket.deliver(anEvent('TASK_UPDATED', { ...task, version: 2 }, { seq: 4 }));

  socket.reconnected();
  await settle();

  expect(api.requests).toEqual([activityPath(4)]);
});

it('a catch-up the api refuses refetches what is on screen instead', async () => {
  await loaded(queryClient, board, [aTask()]);
  await loaded(queryClient, queryKeys.session, { id: ME.id });
  api.answers(() => ({ status: 503, body: undefined }));
  socket.joined(2);

  socket.reconnected();
  await settle();

  expect(api.requests).toEqual([activityPath(2)]);
  expect(invalidated(queryClient, board)).toBe(true);
  expect(invalidated(queryClient, queryKeys.session)).toBe(false);
});

it('a personal event (seq 0, any workspace) is not followed: no seq, no gap, no catch-up', async () => {
  const task = aTask();
  await loaded(queryClient, board, [task]);
  socket.joined(1);
  const elsewhere = randomUUID();

  socket.deliver(
    anEvent('NOTIFICATION', aNotification(task.id), { seq: 0, actor: null, workspaceId: elsewhere }),
  );
  socket.deliver(anEvent('TASK_UPDATED', { ...task, version: 2 }, { seq: 2 }));
  socket.reconnected();
  await settle();

  // Only the followed workspace is caught up, from the last seq of its own stream.
  expect(api.requests).toEqual([activityPath(2)]);
  expect(boardTasks()?.[0]?.version).toBe(2);
});

it('ignores what is not an event of the catalogue, and a malformed one', async () => {
  const task = aTask();
  await loaded(queryClient, board, [task]);
  socket.joined(1);

  socket.deliver({ type: 'SOMETHING_ELSE', seq: 5 });
  socket.deliver({ ...anEvent('TASK_UPDATED', { ...task, version: 2 }, { seq: 5 }), data: { id: task.id } });
  await settle();

  expect(boardTasks()).toEqual([task]);
  expect(api.requests).toEqual([]);
});

it('stops listening once stopped', async () => {
  const task = aTask();
  await loaded(queryClient, board, [task]);
  stop();

  socket.deliver(anEvent('TASK_UPDATED', { ...task, version: 2 }, { seq: 1 }));

  expect(boardTasks()).toEqual([task]);
});
