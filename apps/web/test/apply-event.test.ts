import type { Comment } from '@teamflow/contracts/comments';
import type { Task } from '@teamflow/contracts/tasks';
import type { QueryClient } from '@tanstack/react-query';
import { feedItems, type Feed } from '@/lib/paged-feed';
import { queryKeys } from '@/lib/query-keys';
import { applyEvent } from '@/modules/event-sync/apply-event';
import { postedPastPages, showPostedComment } from '@/modules/tasks/comment-cache';
import {
  aComment,
  aFeed,
  aNotification,
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

let queryClient: QueryClient;
beforeEach(() => {
  queryClient = aQueryClient();
});
afterEach(() => queryClient.clear());

const boardTasks = () => queryClient.getQueryData<Task[]>(board);

describe('task events', () => {
  it('TASK_CREATED adds the task to the board once, however often it arrives', async () => {
    const existing = aTask();
    await loaded(queryClient, board, [existing]);
    const created = aTask();
    const event = anEvent('TASK_CREATED', created);

    expect(applyEvent(queryClient, event)).toEqual({
      changed: true,
      highlightId: created.id,
      summary: `created ${created.key}`,
    });
    expect(applyEvent(queryClient, event)).toEqual({ changed: false });
    expect(boardTasks()).toEqual([existing, created]);
  });

  it('TASK_UPDATED puts a newer version in place and names the change', async () => {
    const task = aTask();
    await loaded(queryClient, board, [task]);
    await loaded(queryClient, queryKeys.taskActivity(task.id), []);
    const renamed = { ...task, title: 'Renamed', version: 2 };

    const applied = applyEvent(queryClient, anEvent('TASK_UPDATED', renamed));

    expect(applied).toEqual({ changed: true, highlightId: task.id, summary: `updated ${task.key}` });
    expect(boardTasks()).toEqual([renamed]);
    expect(invalidated(queryClient, queryKeys.taskActivity(task.id))).toBe(true);
  });

  it('TASK_UPDATED that changed the status reads as a move', async () => {
    const task = aTask({ status: 'todo' });
    await loaded(queryClient, board, [task]);

    const applied = applyEvent(queryClient, anEvent('TASK_UPDATED', { ...task, status: 'done', version: 2 }));

    expect(applied.summary).toBe(`moved ${task.key} to Done`);
  });

  it('TASK_MOVED puts the task in its new column', async () => {
    const task = aTask({ status: 'todo' });
    await loaded(queryClient, board, [task]);
    const moved = { ...task, status: 'in_progress' as const, position: 10, version: 2 };

    expect(applyEvent(queryClient, anEvent('TASK_MOVED', moved)).summary).toBe(
      `moved ${task.key} to In progress`,
    );
    expect(boardTasks()).toEqual([moved]);
  });

  it('an older version, or the echo of the version the cache has, changes nothing', async () => {
    const task = aTask({ version: 4, title: 'Mine, saved' });
    await loaded(queryClient, board, [task]);
    const before = boardTasks();

    expect(applyEvent(queryClient, anEvent('TASK_UPDATED', { ...task, version: 3, title: 'Old' }))).toEqual({
      changed: false,
    });
    expect(applyEvent(queryClient, anEvent('TASK_UPDATED', task, { actor: ME }))).toEqual({ changed: false });
    expect(boardTasks()).toBe(before);
  });

  it('TASK_DELETED takes the task off the board and says which one', async () => {
    const gone = aTask();
    const kept = aTask();
    await loaded(queryClient, board, [gone, kept]);
    const event = anEvent('TASK_DELETED', { id: gone.id, projectId: PROJECT });

    expect(applyEvent(queryClient, event)).toEqual({ changed: true, summary: `deleted ${gone.key}` });
    expect(applyEvent(queryClient, event)).toEqual({ changed: false });
    expect(boardTasks()).toEqual([kept]);
  });
});

describe('comment events', () => {
  // The comments are pages (`useComments`); these read them as the list they show.
  const feed = (taskId: string) => queryClient.getQueryData<Feed<Comment>>(queryKeys.taskComments(taskId));
  const comments = (taskId: string) => {
    const pages = feed(taskId);
    return pages && feedItems(pages);
  };

  it('COMMENT_CREATED appends to a loaded comment list once', async () => {
    const task = aTask();
    await loaded(queryClient, board, [task]);
    await loaded(queryClient, queryKeys.taskComments(task.id), aFeed([[]]));
    const comment = aComment(task.id);
    const event = anEvent('COMMENT_CREATED', comment);

    expect(applyEvent(queryClient, event)).toEqual({
      changed: true,
      highlightId: comment.id,
      summary: `commented on ${task.key}`,
    });
    expect(applyEvent(queryClient, event)).toEqual({ changed: false });
    expect(comments(task.id)).toEqual([comment]);
  });

  it('COMMENT_CREATED for a task whose comments are not loaded still counts (for the toast)', () => {
    const taskId = crypto.randomUUID();

    expect(applyEvent(queryClient, anEvent('COMMENT_CREATED', aComment(taskId))).summary).toBe(
      'commented on a task',
    );
    expect(comments(taskId)).toBeUndefined();
  });

  it('COMMENT_UPDATED replaces a comment with a later edit and ignores an earlier one', async () => {
    const taskId = crypto.randomUUID();
    const comment = aComment(taskId, { updatedAt: '2026-01-02T10:05:00.000Z' });
    await loaded(queryClient, queryKeys.taskComments(taskId), aFeed([[comment]]));
    const later = { ...comment, body: 'Edited', updatedAt: '2026-01-02T10:06:00.000Z' };
    const earlier = { ...comment, body: 'Stale', updatedAt: '2026-01-02T10:04:00.000Z' };

    expect(applyEvent(queryClient, anEvent('COMMENT_UPDATED', earlier)).changed).toBe(false);
    expect(applyEvent(queryClient, anEvent('COMMENT_UPDATED', later)).summary).toBe(
      'edited a comment on a task',
    );
    expect(comments(taskId)).toEqual([later]);
  });

  it('COMMENT_DELETED removes the comment', async () => {
    const taskId = crypto.randomUUID();
    const gone = aComment(taskId);
    const kept = aComment(taskId);
    await loaded(queryClient, queryKeys.taskComments(taskId), aFeed([[gone, kept]]));

    const applied = applyEvent(queryClient, anEvent('COMMENT_DELETED', { id: gone.id, taskId }));

    expect(applied.summary).toBe('deleted a comment on a task');
    expect(comments(taskId)).toEqual([kept]);
  });

  it('COMMENT_CREATED after every page is read goes last, on the last page', async () => {
    const taskId = crypto.randomUUID();
    const [first, second] = [aComment(taskId), aComment(taskId)];
    await loaded(queryClient, queryKeys.taskComments(taskId), aFeed([[first], [second]]));
    const comment = aComment(taskId);

    expect(applyEvent(queryClient, anEvent('COMMENT_CREATED', comment)).changed).toBe(true);
    expect(feed(taskId)?.pages.map((p) => p.items)).toEqual([[first], [second, comment]]);
  });

  it('COMMENT_CREATED while newer pages are unread leaves it to them (it is last on the last), yet counts', async () => {
    const taskId = crypto.randomUUID();
    const shown = aComment(taskId);
    await loaded(queryClient, queryKeys.taskComments(taskId), aFeed([[shown]], true));

    const applied = applyEvent(queryClient, anEvent('COMMENT_CREATED', aComment(taskId)));

    expect(applied.summary).toBe('commented on a task');
    expect(comments(taskId)).toEqual([shown]);
  });

  it('a comment heard while the comments are being read stops that read (it may predate it) and keeps the comment', async () => {
    const taskId = crypto.randomUUID();
    const key = queryKeys.taskComments(taskId);
    const shown = aComment(taskId);
    await loaded(queryClient, key, aFeed([[shown]]));
    void queryClient.refetchQueries({ queryKey: key });
    const comment = aComment(taskId);

    applyEvent(queryClient, anEvent('COMMENT_CREATED', comment));

    expect(queryClient.isFetching({ queryKey: key })).toBe(0);
    expect(invalidated(queryClient, key)).toBe(true);
    expect(comments(taskId)).toEqual([shown, comment]);
  });

  it('COMMENT_UPDATED and COMMENT_DELETED reach a comment on any page read', async () => {
    const taskId = crypto.randomUUID();
    const [a, b, c] = [
      aComment(taskId),
      aComment(taskId),
      aComment(taskId, { updatedAt: '2026-01-02T10:05:00.000Z' }),
    ];
    await loaded(queryClient, queryKeys.taskComments(taskId), aFeed([[a], [b, c]], true));
    const edited = { ...c, body: 'Edited', updatedAt: '2026-01-02T10:06:00.000Z' };

    applyEvent(queryClient, anEvent('COMMENT_UPDATED', edited));
    applyEvent(queryClient, anEvent('COMMENT_DELETED', { id: a.id, taskId }));

    expect(feed(taskId)?.pages.map((p) => p.items)).toEqual([[], [b, edited]]);
    expect(feed(taskId)?.pages.at(-1)?.nextCursor).not.toBeNull();
  });

  it('COMMENT_UPDATED and COMMENT_DELETED reach the comments this tab posted past the pages read', async () => {
    const taskId = crypto.randomUUID();
    const read = aComment(taskId);
    await loaded(queryClient, queryKeys.taskComments(taskId), aFeed([[read]], true));
    const [mine, other] = [aComment(taskId), aComment(taskId)];
    showPostedComment(queryClient, mine);
    showPostedComment(queryClient, other);
    const posted = () =>
      postedPastPages(feed(taskId), queryClient.getQueryData(queryKeys.taskCommentsPosted(taskId)));
    expect(posted()).toEqual([mine, other]);
    const edited = { ...mine, body: 'Edited', updatedAt: '2026-01-02T10:06:00.000Z' };

    expect(applyEvent(queryClient, anEvent('COMMENT_UPDATED', edited)).changed).toBe(true);
    // An older copy arriving late changes nothing.
    applyEvent(queryClient, anEvent('COMMENT_UPDATED', mine));
    expect(applyEvent(queryClient, anEvent('COMMENT_DELETED', { id: other.id, taskId })).changed).toBe(true);

    expect(posted()).toEqual([edited]);
    expect(comments(taskId)).toEqual([read]);
  });
});

describe('events that refetch', () => {
  it.each(['TASK_DEPENDENCY_ADDED', 'TASK_DEPENDENCY_REMOVED'] as const)(
    '%s refetches both tasks’ dependency lists and touches no card',
    async (type) => {
      const task = aTask();
      const blocker = aTask();
      await loaded(queryClient, board, [task, blocker]);
      for (const id of [task.id, blocker.id])
        await loaded(queryClient, queryKeys.taskDependencies(id), { blockedBy: [], blocks: [] });
      await loaded(queryClient, queryKeys.taskActivity(task.id), []);
      const before = boardTasks();
      const data = { taskId: task.id, dependsOnTaskId: blocker.id, projectId: PROJECT };

      expect(applyEvent(queryClient, anEvent(type, data, { entityId: task.id }))).toEqual({ changed: false });

      expect(invalidated(queryClient, queryKeys.taskDependencies(task.id))).toBe(true);
      expect(invalidated(queryClient, queryKeys.taskDependencies(blocker.id))).toBe(true);
      expect(invalidated(queryClient, queryKeys.taskActivity(task.id))).toBe(true);
      expect(boardTasks()).toBe(before);
    },
  );

  it('PROJECT_IMPORTED refetches the project’s task lists (board and list views) and the labels, once', async () => {
    const listView = [...board, 'list', 'position'] as const;
    await loaded(queryClient, board, [aTask()]);
    await loaded(queryClient, listView, [aTask()]);
    await loaded(queryClient, queryKeys.labels(WORKSPACE), []);
    const other = queryKeys.boardTasks(crypto.randomUUID());
    await loaded(queryClient, other, [aTask()]);

    const applied = applyEvent(
      queryClient,
      anEvent(
        'PROJECT_IMPORTED',
        { projectId: PROJECT, created: 120, source: 'jira' },
        { entityId: PROJECT },
      ),
    );

    expect(applied).toEqual({ changed: true, summary: 'imported 120 tasks' });
    expect(invalidated(queryClient, board)).toBe(true);
    expect(invalidated(queryClient, listView)).toBe(true);
    expect(invalidated(queryClient, queryKeys.labels(WORKSPACE))).toBe(true);
    expect(invalidated(queryClient, other)).toBe(false);
  });

  it("TASK_DEVELOPMENT_UPDATED refetches the task's Development section and timeline, and touches no card", async () => {
    const task = aTask();
    await loaded(queryClient, board, [task]);
    await loaded(queryClient, queryKeys.taskDevelopment(task.id), { items: [], nextCursor: null });
    await loaded(queryClient, queryKeys.taskActivity(task.id), []);
    const before = boardTasks();
    const link = {
      id: crypto.randomUUID(),
      taskId: task.id,
      kind: 'commit' as const,
      repository: 'octo-org/app',
      ref: 'a'.repeat(40),
      url: 'https://github.com/octo-org/app/commit/aaaa',
      title: 'Fix it',
      state: null,
      author: 'ana',
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
    };

    expect(applyEvent(queryClient, anEvent('TASK_DEVELOPMENT_UPDATED', link, { entityId: task.id }))).toEqual(
      {
        changed: false,
      },
    );

    expect(invalidated(queryClient, queryKeys.taskDevelopment(task.id))).toBe(true);
    expect(invalidated(queryClient, queryKeys.taskActivity(task.id))).toBe(true);
    expect(boardTasks()).toBe(before);
  });

  it('project, label and member events refetch the lists they change', async () => {
    const projectId = crypto.randomUUID();
    await loaded(queryClient, queryKeys.projects(WORKSPACE), []);
    await loaded(queryClient, queryKeys.labels(WORKSPACE), []);
    await loaded(queryClient, queryKeys.members(WORKSPACE), []);
    await loaded(queryClient, queryKeys.workspaces, []);

    applyEvent(queryClient, anEvent('PROJECT_DELETED', { id: projectId }, { entityId: projectId }));
    applyEvent(queryClient, anEvent('LABEL_DELETED', { id: crypto.randomUUID() }));
    applyEvent(queryClient, anEvent('MEMBER_REMOVED', { userId: crypto.randomUUID() }));

    expect(invalidated(queryClient, queryKeys.projects(WORKSPACE))).toBe(true);
    expect(invalidated(queryClient, queryKeys.labels(WORKSPACE))).toBe(true);
    expect(invalidated(queryClient, queryKeys.members(WORKSPACE))).toBe(true);
    expect(invalidated(queryClient, queryKeys.workspaces)).toBe(true);
  });
});

it('a personal event (a notification) changes no workspace cache', async () => {
  const task = aTask();
  await loaded(queryClient, board, [task]);
  await loaded(queryClient, queryKeys.notifications, []);
  const event = anEvent('NOTIFICATION', aNotification(task.id), { seq: 0, actor: null });

  expect(applyEvent(queryClient, event)).toEqual({
    changed: false,
  });
  expect(boardTasks()).toEqual([task]);
  expect(invalidated(queryClient, queryKeys.notifications)).toBe(false);
});

it('a personal XP event changes no workspace cache (the progress module listens for it)', async () => {
  const task = aTask();
  await loaded(queryClient, board, [task]);
  await loaded(queryClient, queryKeys.progressOf(WORKSPACE, 'me'), {});
  await loaded(queryClient, queryKeys.leaderboard(WORKSPACE, 'week'), {});
  const award = {
    userId: ME.id,
    workspaceId: WORKSPACE,
    event: {
      id: crypto.randomUUID(),
      userId: ME.id,
      kind: 'task_done' as const,
      sourceType: 'task',
      sourceId: task.id,
      label: `${task.key} ${task.title}`,
      xp: 10,
      reason: 'earned' as const,
      localDate: '2026-01-02',
      createdAt: '2026-01-02T10:00:00.000Z',
    },
    totalXp: 10,
    level: 1,
  };

  expect(applyEvent(queryClient, anEvent('XP_AWARDED', award, { seq: 0, actor: null }))).toEqual({
    changed: false,
  });
  expect(invalidated(queryClient, queryKeys.progressOf(WORKSPACE, 'me'))).toBe(false);
  expect(boardTasks()).toEqual([task]);
});

describe('async-updates events', () => {
  const person = { id: ME.id, name: ME.name };
  const now = '2026-01-02T10:00:00.000Z';

  it('STATUS_UPDATE_POSTED refreshes the feed and who checked in, and names the day', async () => {
    const feed = [...queryKeys.statusUpdates(WORKSPACE), 'range', '2026-01-01', '2026-01-02'];
    const today = queryKeys.checkInsOn(WORKSPACE, '2026-01-02');
    await loaded(queryClient, feed, { items: [], nextCursor: null });
    await loaded(queryClient, today, { date: '2026-01-02', posted: [], missing: [], away: [] });
    const update = {
      id: crypto.randomUUID(),
      workspaceId: WORKSPACE,
      userId: ME.id,
      user: person,
      date: '2026-01-02',
      done: 'x',
      doing: 'y',
      blockers: '',
      taskIds: [],
      tasks: [],
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    const applied = applyEvent(queryClient, anEvent('STATUS_UPDATE_POSTED', update));
    expect(applied).toEqual({ changed: true, summary: 'posted a check-in for 2026-01-02' });
    expect(invalidated(queryClient, feed)).toBe(true);
    expect(invalidated(queryClient, today)).toBe(true);
  });

  it('INCIDENT_UPDATED refreshes the incident list and that incident (its live timeline)', async () => {
    const id = crypto.randomUUID();
    await loaded(queryClient, queryKeys.incident(id), {});
    await loaded(queryClient, queryKeys.incidentFeed(WORKSPACE, {}), aFeed([[]]));
    const incident = {
      id,
      workspaceId: WORKSPACE,
      key: 'INC-1',
      number: 1,
      title: 'Down',
      severity: 'sev2' as const,
      status: 'identified' as const,
      summary: null,
      postmortem: null,
      commanderId: null,
      commander: null,
      declaredBy: person,
      taskIds: [],
      tasks: [],
      resolvedAt: null,
      timeToResolveMinutes: null,
      version: 2,
      createdAt: now,
      updatedAt: now,
    };
    expect(applyEvent(queryClient, anEvent('INCIDENT_UPDATED', incident)).changed).toBe(true);
    expect(invalidated(queryClient, queryKeys.incident(id))).toBe(true);
    expect(invalidated(queryClient, queryKeys.incidentFeed(WORKSPACE, {}))).toBe(true);
  });

  it('DIGEST_READY refreshes the digests', async () => {
    await loaded(queryClient, queryKeys.digestFeed(WORKSPACE), aFeed([[]]));
    applyEvent(
      queryClient,
      anEvent('DIGEST_READY', {
        workspaceId: WORKSPACE,
        date: '2026-01-02',
        provider: 'local',
        generatedAt: now,
      }),
    );
    expect(invalidated(queryClient, queryKeys.digestFeed(WORKSPACE))).toBe(true);
  });
});
