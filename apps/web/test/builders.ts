import type { Comment } from '@teamflow/contracts/comments';
import type { EventData, EventType, ServerEventOf } from '@teamflow/contracts/events';
import type { Task } from '@teamflow/contracts/tasks';
import type { User } from '@teamflow/contracts/users';
import { QueryClient, type QueryKey } from '@tanstack/react-query';
import { randomUUID } from 'node:crypto';
import type { Feed } from '@/lib/paged-feed';

export const WORKSPACE = randomUUID();
export const PROJECT = randomUUID();
export const ME = { id: randomUUID(), name: 'Me' };
export const ALICE = { id: randomUUID(), name: 'Alice' };

/** The signed-in person as `auth/me` answers (a `User`). */
export function aUser(overrides: Partial<User> = {}): User {
  return {
    id: randomUUID(),
    email: 'me@example.com',
    name: 'Me',
    avatarUrl: null,
    emailVerified: true,
    timeZone: 'UTC',
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

let number = 0;

/** A task of PROJECT at version 1 unless told otherwise. */
export function aTask(overrides: Partial<Task> = {}): Task {
  number++;
  const at = new Date(Date.UTC(2026, 0, 1, 0, 0, number)).toISOString();
  return {
    id: randomUUID(),
    key: `TF-${number}`,
    number,
    projectId: PROJECT,
    workspaceId: WORKSPACE,
    title: `Task ${number}`,
    description: null,
    status: 'todo',
    priority: 'medium',
    storyPoints: null,
    dueDate: null,
    position: number * 1024,
    parentId: null,
    sprintId: null,
    assigneeIds: [],
    labelIds: [],
    version: 1,
    createdBy: ME.id,
    completedAt: null,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

export function aComment(taskId: string, overrides: Partial<Comment> = {}): Comment {
  const at = '2026-01-02T10:00:00.000Z';
  return {
    id: randomUUID(),
    taskId,
    workspaceId: WORKSPACE,
    author: { id: ALICE.id, name: ALICE.name, email: 'alice@example.com', avatarUrl: null },
    body: 'Looks good',
    editedAt: null,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

/** A NOTIFICATION event's data: ALICE commented on a task, for ME. */
export function aNotification(taskId: string): EventData<'NOTIFICATION'> {
  return {
    userId: ME.id,
    notification: {
      id: randomUUID(),
      type: 'commented',
      workspaceId: WORKSPACE,
      taskId,
      actorId: ALICE.id,
      data: { actorName: ALICE.name, excerpt: 'Looks good' },
      readAt: null,
      createdAt: '2026-01-02T10:00:00.000Z',
    },
  };
}

/** An event as the socket delivers it (by ALICE in WORKSPACE unless told otherwise). */
export function anEvent<K extends EventType>(
  type: K,
  data: ServerEventOf<K>['data'],
  envelope: {
    seq?: number;
    actor?: { id: string; name: string } | null;
    entityId?: string;
    workspaceId?: string;
  } = {},
): ServerEventOf<K> {
  const entity = data as { id?: string; taskId?: string };
  return {
    type,
    data,
    workspaceId: envelope.workspaceId ?? WORKSPACE,
    entityId: envelope.entityId ?? entity.id ?? entity.taskId ?? randomUUID(),
    actor: envelope.actor === undefined ? ALICE : envelope.actor,
    at: '2026-01-02T10:00:00.000Z',
    seq: envelope.seq ?? 1,
  };
}

/** A query client as the app makes one, minus retries and garbage-collection timers. */
export function aQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity, staleTime: Infinity } },
  });
}

/**
 * A paged feed as `usePagedFeed` caches it: one page per array, each page's cursor naming the next;
 * `more` says whether the api has pages after the last one.
 */
export function aFeed<T>(pages: T[][], more = false): Feed<T> {
  return {
    pages: pages.map((items, i) => ({
      items,
      nextCursor: i < pages.length - 1 || more ? `page-${i + 1}` : null,
    })),
    pageParams: pages.map((_, i) => (i === 0 ? null : `page-${i}`)),
  };
}

/** Loads a query the way a mounted hook would (its query function answered `data`). */
export async function loaded<T>(queryClient: QueryClient, queryKey: QueryKey, data: T): Promise<void> {
  await queryClient.fetchQuery({ queryKey, queryFn: () => data });
}

/** Whether a cached query has been marked stale (a mounted hook would refetch it). */
export function invalidated(queryClient: QueryClient, queryKey: QueryKey): boolean {
  return queryClient.getQueryState(queryKey)?.isInvalidated === true;
}

/**
 * An api answer as fetch resolves it. jsdom has no Response (nor Headers): an object with what the
 * api client reads.
 */
export function anAnswer(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return {
    ok: status < 400,
    status,
    headers: { get: (name: string) => headers[name] ?? null },
    json: () => Promise.resolve(body),
  } as unknown as Response;
}
