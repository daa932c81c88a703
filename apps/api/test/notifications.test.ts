import { dispatchNotifications } from '@teamflow/core/notifications/dispatch-notifications';
import { notifyDueSoon } from '@teamflow/core/notifications/due-soon';
import { dispatchNotificationsJob } from '@teamflow/queue/jobs';
import {
  auth,
  createTeam,
  registerUser,
  startApi,
  V1,
  type TeamFixture,
  type TestApi,
  type TestUser,
} from './harness';
import { expectPagingRefused, firstCursor } from './list-paging';

/**
 * Notifications end to end inside the api process: the real use cases stage `notifications/dispatch`
 * in the job outbox, and the test runs exactly what the worker's handler runs on each staged job
 * (`dispatchNotifications`), twice where it proves idempotency.
 */

let api: TestApi;
let team: TeamFixture;
beforeAll(async () => {
  api = await startApi();
  team = await createTeam(api);
});
afterAll(() => api.close());

const http = () => api.http();

/** Runs every staged dispatch job for a task (as the worker would), `times` times each. */
async function dispatchStaged(taskId: string, times = 1): Promise<number> {
  const { rows } = await api.deps.pool.query<{ id: string; payload: unknown }>(
    `select id, payload from job_outbox where queue = 'notifications' and name = 'dispatch'
       and enqueued_at is null and payload->>'taskId' = $1 order by id`,
    [taskId],
  );
  let written = 0;
  for (const row of rows) {
    const payload = dispatchNotificationsJob.payload.parse(row.payload);
    for (let i = 0; i < times; i++) written += (await dispatchNotifications(api.deps, payload)).written;
    await api.deps.pool.query(`update job_outbox set enqueued_at = now() where id = $1`, [row.id]);
  }
  return written;
}

async function notificationsOf(user: TestUser, query = '') {
  const res = await http().get(`${V1}/notifications${query}`).set(auth(user));
  expect(res.status).toBe(200);
  return res.body as {
    items: {
      id: string;
      type: string;
      taskId: string;
      data: Record<string, unknown>;
      readAt: string | null;
    }[];
    nextCursor: string | null;
  };
}

const forTask = async (user: TestUser, taskId: string) =>
  (await notificationsOf(user, '?limit=100')).items.filter((n) => n.taskId === taskId);

async function newTask(by: TestUser, body: Record<string, unknown> = {}) {
  const res = await http()
    .post(`${V1}/projects/${team.projectId}/tasks`)
    .set(auth(by))
    .send({ title: `Task ${Math.random().toString(36).slice(2, 8)}`, ...body });
  expect(res.status).toBe(201);
  return res.body as { id: string; version: number; key: string; title: string };
}

const mention = (u: TestUser) => `@[${u.name}](${u.id})`;

describe('who is notified', () => {
  it('notifies the people assigned at creation, never the actor, once however often the job runs', async () => {
    const { owner, admin, member } = team.users;
    const task = await newTask(owner, { assigneeIds: [owner.id, admin.id, member.id] });
    expect(await dispatchStaged(task.id, 3)).toBe(2);
    expect(await forTask(owner, task.id)).toEqual([]);
    for (const user of [admin, member]) {
      const items = await forTask(user, task.id);
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        type: 'assigned',
        readAt: null,
        data: { taskKey: task.key, taskTitle: task.title, actorName: owner.name, projectId: team.projectId },
      });
    }
  });

  it('notifies only assignees added by an update', async () => {
    const { owner, admin, member, viewer } = team.users;
    const task = await newTask(owner, { assigneeIds: [admin.id] });
    await dispatchStaged(task.id);
    const res = await http()
      .patch(`${V1}/tasks/${task.id}`)
      .set(auth(member))
      .send({ version: task.version, assigneeIds: [admin.id, viewer.id, member.id] });
    expect(res.status).toBe(200);
    expect(await dispatchStaged(task.id)).toBe(1);
    expect((await forTask(viewer, task.id)).map((n) => n.type)).toEqual(['assigned']);
    expect((await forTask(admin, task.id)).map((n) => n.type)).toEqual(['assigned']);
    expect(await forTask(member, task.id)).toEqual([]);
  });

  it('notifies people newly mentioned in a description, and members only', async () => {
    const { owner, admin, viewer } = team.users;
    const outsider = team.users.stranger;
    const task = await newTask(owner, { description: `Ask ${mention(admin)} and ${mention(outsider)}` });
    await dispatchStaged(task.id);
    expect((await forTask(admin, task.id)).map((n) => [n.type, n.data.source])).toEqual([
      ['mentioned', 'description'],
    ]);
    expect(await forTask(outsider, task.id)).toEqual([]);
    // Editing keeps the old mention (no repeat) and adds one.
    await http()
      .patch(`${V1}/tasks/${task.id}`)
      .set(auth(owner))
      .send({
        version: task.version,
        description: `Ask ${mention(admin)}, ${mention(viewer)} and ${mention(owner)}`,
      })
      .expect(200);
    expect(await dispatchStaged(task.id)).toBe(1);
    expect(await forTask(admin, task.id)).toHaveLength(1);
    expect((await forTask(viewer, task.id)).map((n) => n.type)).toEqual(['mentioned']);
    expect(await forTask(owner, task.id)).toEqual([]);
  });

  it('notifies the creator, assignees and watchers of a comment; a mention replaces "commented"; the commenter then watches', async () => {
    const { owner, admin, member, viewer } = team.users;
    const task = await newTask(member, { assigneeIds: [admin.id] });
    await dispatchStaged(task.id);
    await http().put(`${V1}/tasks/${task.id}/watch`).set(auth(viewer)).expect(200);
    const comment = await http()
      .post(`${V1}/tasks/${task.id}/comments`)
      .set(auth(owner))
      .send({ body: `Looks good, ${mention(admin)} please ship it` });
    expect(comment.status).toBe(201);
    expect(await dispatchStaged(task.id, 2)).toBe(3);
    expect((await forTask(member, task.id)).map((n) => n.type)).toEqual(['commented']);
    expect((await forTask(viewer, task.id)).map((n) => n.type)).toEqual(['commented']);
    const [adminNote] = await forTask(admin, task.id).then((items) =>
      items.filter((n) => n.type !== 'assigned'),
    );
    expect(adminNote).toMatchObject({
      type: 'mentioned',
      data: {
        source: 'comment',
        commentId: comment.body.id,
        excerpt: `Looks good, @${admin.name} please ship it`,
      },
    });
    expect(await forTask(owner, task.id)).toEqual([]);

    // The owner commented, so now watches: the member's reply reaches them (and not the member).
    const watch = await http().get(`${V1}/tasks/${task.id}/watch`).set(auth(owner));
    expect(watch.body).toEqual({ taskId: task.id, watching: true });
    await http().post(`${V1}/tasks/${task.id}/comments`).set(auth(member)).send({ body: 'Done' }).expect(201);
    await dispatchStaged(task.id);
    expect((await forTask(owner, task.id)).map((n) => n.type)).toEqual(['commented']);
    expect((await forTask(member, task.id)).map((n) => n.type)).toEqual(['commented']);

    // Unwatching stops it.
    await http().delete(`${V1}/tasks/${task.id}/watch`).set(auth(viewer)).expect(200);
    await http()
      .post(`${V1}/tasks/${task.id}/comments`)
      .set(auth(member))
      .send({ body: 'Again' })
      .expect(201);
    await dispatchStaged(task.id);
    expect((await forTask(viewer, task.id)).map((n) => n.data.excerpt)).toEqual(['Done', expect.any(String)]);
  });

  it('respects a user who turned a type off in the app', async () => {
    const { owner, admin, viewer } = team.users;
    await http()
      .put(`${V1}/notifications/preferences`)
      .set(auth(viewer))
      .send({ items: [{ type: 'assigned', inApp: false, email: false }] })
      .expect(200);
    const task = await newTask(owner, { assigneeIds: [admin.id, viewer.id] });
    expect(await dispatchStaged(task.id)).toBe(1);
    expect(await forTask(viewer, task.id)).toEqual([]);
    await http()
      .put(`${V1}/notifications/preferences`)
      .set(auth(viewer))
      .send({ items: [{ type: 'assigned', inApp: true, email: true }] })
      .expect(200);
  });

  it('tells assignees of open tasks due within 24 h once per due date, whatever the number of passes', async () => {
    const { owner, admin, member } = team.users;
    const today = new Date().toISOString().slice(0, 10);
    const due = await newTask(owner, { assigneeIds: [admin.id, owner.id], dueDate: today });
    const later = await newTask(owner, { assigneeIds: [admin.id], dueDate: '2099-01-01' });
    const done = await newTask(owner, { assigneeIds: [member.id], dueDate: today, status: 'done' });
    await notifyDueSoon(api.deps, { withinHours: 24 });
    await notifyDueSoon(api.deps, { withinHours: 24 });
    expect((await forTask(admin, due.id)).filter((n) => n.type === 'due_soon')).toEqual([
      expect.objectContaining({ type: 'due_soon', data: expect.objectContaining({ dueDate: today }) }),
    ]);
    // No actor for a scheduled notice: the assignee who created the task hears of it too.
    expect((await forTask(owner, due.id)).map((n) => n.type)).toEqual(['due_soon']);
    expect((await forTask(admin, later.id)).filter((n) => n.type === 'due_soon')).toEqual([]);
    expect((await forTask(member, done.id)).filter((n) => n.type === 'due_soon')).toEqual([]);
  });
});

describe('the inbox', () => {
  let user: TestUser;
  let ids: string[] = [];
  beforeAll(async () => {
    // A user of their own in the team's workspace, assigned five times.
    user = await registerUser(api, 'inbox');
    const inv = await http()
      .post(`${V1}/workspaces/${team.workspaceId}/invitations`)
      .set(auth(team.users.owner))
      .send({ email: user.email, role: 'member' });
    const token = String(inv.body.inviteUrl).split('/invite/')[1];
    await http().post(`${V1}/invitations/${token}/accept`).set(auth(user)).expect(200);
    for (let i = 0; i < 5; i++) {
      const task = await newTask(team.users.owner, { assigneeIds: [user.id] });
      await dispatchStaged(task.id);
    }
    ids = (await notificationsOf(user)).items.map((n) => n.id);
  });

  it("pages newest first with a cursor, each notification exactly once; another list's cursor is a 400", async () => {
    expect(ids).toHaveLength(5);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await notificationsOf(user, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((n) => n.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids);
    // Tasks sorted by creation page by (createdAt, id) too: a cursor of the same shape that is
    // still not this list's.
    const tasks = await firstCursor(api, user, `${V1}/projects/${team.projectId}/tasks?sort=createdAt`);
    await expectPagingRefused(api, user, `${V1}/notifications`, tasks);
  });

  it('marks one read, filters unread, counts, and marks all read', async () => {
    const count = async () =>
      (await http().get(`${V1}/notifications/unread-count`).set(auth(user))).body.count;
    expect(await count()).toBe(5);
    const read = await http().post(`${V1}/notifications/${ids[0]}/read`).set(auth(user));
    expect(read.status).toBe(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    // Reading again keeps the first read time.
    const again = await http().post(`${V1}/notifications/${ids[0]}/read`).set(auth(user));
    expect(again.body.readAt).toBe(read.body.readAt);
    expect(await count()).toBe(4);
    const unread = await notificationsOf(user, '?unread=true');
    expect(unread.items.map((n) => n.id)).toEqual(ids.slice(1));
    const all = await http().post(`${V1}/notifications/read-all`).set(auth(user));
    expect(all.body).toEqual({ updated: 4 });
    expect(await count()).toBe(0);
    expect((await notificationsOf(user, '?unread=true')).items).toEqual([]);
  });

  it("answers 404 for someone else's notification and never lists it", async () => {
    const other = team.users.stranger;
    const res = await http().post(`${V1}/notifications/${ids[1]}/read`).set(auth(other));
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    expect((await notificationsOf(other)).items.map((n) => n.id)).not.toContain(ids[1]);
    const missing = await http()
      .post(`${V1}/notifications/00000000-0000-4000-8000-000000000000/read`)
      .set(auth(user));
    expect(missing.status).toBe(404);
  });

  it('needs a signed-in user', async () => {
    expect((await http().get(`${V1}/notifications`)).status).toBe(401);
    expect((await http().get(`${V1}/notifications/unread-count`)).status).toBe(401);
    expect((await http().put(`${V1}/notifications/preferences`).send({ items: [] })).status).toBe(401);
  });
});

describe('preferences', () => {
  it('lists every type with defaults on (the digest email off), changes only the types sent, and rejects bad input', async () => {
    const user = await registerUser(api, 'prefs');
    const get = await http().get(`${V1}/notifications/preferences`).set(auth(user));
    expect(get.body.items).toEqual([
      { type: 'assigned', inApp: true, email: true },
      { type: 'mentioned', inApp: true, email: true },
      { type: 'commented', inApp: true, email: true },
      { type: 'due_soon', inApp: true, email: true },
      { type: 'check_in_reminder', inApp: true, email: true },
      { type: 'blocker_escalated', inApp: true, email: true },
      { type: 'mood_trend', inApp: true, email: true },
      { type: 'daily_digest', inApp: false, email: false },
    ]);
    const put = await http()
      .put(`${V1}/notifications/preferences`)
      .set(auth(user))
      .send({ items: [{ type: 'commented', inApp: true, email: false }] });
    expect(put.status).toBe(200);
    expect(put.body.items[2]).toEqual({ type: 'commented', inApp: true, email: false });
    expect(put.body.items[0]).toEqual({ type: 'assigned', inApp: true, email: true });
    const again = await http().get(`${V1}/notifications/preferences`).set(auth(user));
    expect(again.body).toEqual(put.body);
    // The digest is an email only: asking for it in the app keeps in-app off.
    const digest = await http()
      .put(`${V1}/notifications/preferences`)
      .set(auth(user))
      .send({ items: [{ type: 'daily_digest', inApp: true, email: true }] });
    expect(digest.body.items.at(-1)).toEqual({ type: 'daily_digest', inApp: false, email: true });

    for (const body of [
      { items: [{ type: 'nope', inApp: true, email: true }] },
      { items: [{ type: 'assigned', inApp: 'yes', email: true }] },
      { items: [] },
      {
        items: [
          { type: 'assigned', inApp: true, email: true },
          { type: 'assigned', inApp: false, email: true },
        ],
      },
    ]) {
      const res = await http().put(`${V1}/notifications/preferences`).set(auth(user)).send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
    }
  });
});

describe('watching', () => {
  it('answers 404 for a stranger and for a deleted task', async () => {
    const task = await newTask(team.users.owner);
    expect((await http().put(`${V1}/tasks/${task.id}/watch`).set(auth(team.users.stranger))).status).toBe(
      404,
    );
    await http().delete(`${V1}/tasks/${task.id}`).set(auth(team.users.owner)).expect(204);
    expect((await http().put(`${V1}/tasks/${task.id}/watch`).set(auth(team.users.member))).status).toBe(404);
  });
});
