import { randomUUID } from 'node:crypto';
import { auth, createTeam, startApi, V1, type TeamFixture, type TestApi, type TestUser } from './harness';

let api: TestApi;
let team: TeamFixture;
beforeAll(async () => {
  api = await startApi();
  team = await createTeam(api);
});
afterAll(() => api.close());

type Body = Record<string, unknown>;
const create = (user: TestUser, body: Body, projectId = team.projectId) =>
  api.http().post(`${V1}/projects/${projectId}/tasks`).set(auth(user)).send(body);
const patch = (user: TestUser, id: string, body: Body) =>
  api.http().patch(`${V1}/tasks/${id}`).set(auth(user)).send(body);
const get = (user: TestUser, id: string) => api.http().get(`${V1}/tasks/${id}`).set(auth(user));

async function newTask(body: Body = {}, user: TestUser = team.users.member) {
  const res = await create(user, { title: `Task ${randomUUID().slice(0, 6)}`, ...body });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; version: number; key: string; number: number } & Body;
}

async function dbRow(id: string) {
  const { rows } = await api.deps.pool.query('select * from tasks where id = $1', [id]);
  return rows[0] as Record<string, unknown>;
}

/** Activity and outbox rows of the team's workspace: every mutation adds exactly one of each. */
async function eventCounts(workspaceId = team.workspaceId) {
  const { rows } = await api.deps.pool.query(
    `select (select count(*)::int from activities where workspace_id = $1) as activities,
            (select count(*)::int from outbox where workspace_id = $1) as outbox`,
    [workspaceId],
  );
  return rows[0] as { activities: number; outbox: number };
}

async function createLabel(user: TestUser, workspaceId: string, name = `L-${randomUUID().slice(0, 6)}`) {
  const res = await api
    .http()
    .post(`${V1}/workspaces/${workspaceId}/labels`)
    .set(auth(user))
    .send({ name, color: '#112233' });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

describe('create a task', () => {
  it('answers 201 with a per-project key, the defaults and the caller as creator', async () => {
    const first = await create(team.users.member, { title: 'Write the spec' });
    const second = await create(team.users.admin, { title: 'Review the spec' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      title: 'Write the spec',
      status: 'todo',
      priority: 'medium',
      projectId: team.projectId,
      workspaceId: team.workspaceId,
      createdBy: team.users.member.id,
      version: 1,
      completedAt: null,
      assigneeIds: [],
      labelIds: [],
      parentId: null,
      storyPoints: null,
      dueDate: null,
    });
    expect(first.body.key).toMatch(/^CORE-\d+$/);
    expect(second.body.number).toBe(first.body.number + 1);
    expect(second.body.key).toBe(`CORE-${first.body.number + 1}`);
    const other = await api
      .http()
      .post(`${V1}/workspaces/${team.workspaceId}/projects`)
      .set(auth(team.users.owner))
      .send({ name: 'Web', key: 'WEB' });
    const inOther = await create(team.users.member, { title: 'Other project task' }, other.body.id);
    expect(inOther.body.key).toBe('WEB-1');
  });

  it('stores every field given and sets completedAt when created done', async () => {
    const label = await createLabel(team.users.member, team.workspaceId);
    const res = await create(team.users.member, {
      title: 'Full task',
      status: 'done',
      priority: 'critical',
      storyPoints: 21,
      dueDate: '2030-02-28',
      assigneeIds: [team.users.admin.id, team.users.viewer.id],
      labelIds: [label],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'done',
      priority: 'critical',
      storyPoints: 21,
      dueDate: '2030-02-28',
      labelIds: [label],
    });
    expect([...res.body.assigneeIds].sort()).toEqual([team.users.admin.id, team.users.viewer.id].sort());
    expect(res.body.completedAt).toEqual(expect.any(String));
    const read = (await get(team.users.viewer, res.body.id)).body;
    expect({ ...read, assigneeIds: [...read.assigneeIds].sort() }).toEqual({
      ...res.body,
      assigneeIds: [...res.body.assigneeIds].sort(),
    });
  });

  it('refuses assignees who are not members of the workspace with field assigneeIds', async () => {
    const res = await create(team.users.member, {
      title: 'Assigned away',
      assigneeIds: [team.users.member.id, team.users.stranger.id],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'assigneeIds' })]);
  });

  it('refuses labels of another workspace and a parent outside the project', async () => {
    const elsewhere = await createTeam(api);
    const foreignLabel = await createLabel(elsewhere.users.owner, elsewhere.workspaceId);
    const badLabel = await create(team.users.member, { title: 'Foreign label', labelIds: [foreignLabel] });
    expect(badLabel.status).toBe(400);
    expect(badLabel.body.error.details[0].field).toBe('labelIds');
    const badParent = await create(team.users.member, {
      title: 'Foreign parent',
      parentId: elsewhere.taskId,
    });
    expect(badParent.status).toBe(400);
    expect(badParent.body.error.details[0].field).toBe('parentId');
    const missingParent = await create(team.users.member, { title: 'Ghost parent', parentId: randomUUID() });
    expect(missingParent.status).toBe(400);
    const side = await api
      .http()
      .post(`${V1}/workspaces/${team.workspaceId}/projects`)
      .set(auth(team.users.owner))
      .send({ name: 'Side', key: 'SIDE' });
    const sideTask = await create(team.users.member, { title: 'Side task' }, side.body.id);
    const crossProject = await create(team.users.member, {
      title: 'Cross-project child',
      parentId: sideTask.body.id,
    });
    expect(crossProject.status).toBe(400);
    expect(crossProject.body.error.details[0].field).toBe('parentId');
  });

  it.each([
    ['a title under 3 characters', { title: '  ab  ' }, 'title'],
    ['a title over 200 characters', { title: 'x'.repeat(201) }, 'title'],
    ['story points of 0', { title: 'Points', storyPoints: 0 }, 'storyPoints'],
    ['story points of 22', { title: 'Points', storyPoints: 22 }, 'storyPoints'],
    ['fractional story points', { title: 'Points', storyPoints: 2.5 }, 'storyPoints'],
    ['a due date that is not an ISO date', { title: 'Due', dueDate: '31/12/2030' }, 'dueDate'],
    ['an impossible due date', { title: 'Due', dueDate: '2030-02-30' }, 'dueDate'],
    ['an unknown status', { title: 'Status', status: 'doing' }, 'status'],
  ])('refuses %s with a 400 naming the field', async (_what, body, field) => {
    const res = await create(team.users.member, body);
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('accepts titles of exactly 3 and 200 characters and story points 1 and 21', async () => {
    expect((await create(team.users.member, { title: 'abc', storyPoints: 1 })).status).toBe(201);
    expect((await create(team.users.member, { title: 'y'.repeat(200), storyPoints: 21 })).status).toBe(201);
  });

  it('strips script from the description but keeps the markdown', async () => {
    const description = '# Plan\n\n<script>alert("x")</script>**bold** and `a < b`\n\n> quoted';
    const res = await create(team.users.member, { title: 'Sanitised', description });
    expect(res.status).toBe(201);
    expect(res.body.description).not.toMatch(/script|alert/i);
    expect(res.body.description).toContain('# Plan');
    expect(res.body.description).toContain('**bold**');
    expect(res.body.description).toContain('`a < b`');
    expect(res.body.description).toContain('> quoted');
    expect((await dbRow(res.body.id)).description).toBe(res.body.description);
  });

  it('forbids a viewer to create (403) and hides the project from a stranger (404)', async () => {
    expect((await create(team.users.viewer, { title: 'Viewer task' })).status).toBe(403);
    expect((await create(team.users.stranger, { title: 'Stranger task' })).status).toBe(404);
  });
});

describe('read and update a task', () => {
  it('gets a task for every role and 404s for a stranger or an unknown id', async () => {
    const task = await newTask();
    expect((await get(team.users.viewer, task.id)).body.id).toBe(task.id);
    expect((await get(team.users.stranger, task.id)).status).toBe(404);
    expect((await get(team.users.owner, randomUUID())).status).toBe(404);
  });

  it('increments the version, replaces assignees and labels, and keeps fields not sent', async () => {
    const [l1, l2] = [
      await createLabel(team.users.member, team.workspaceId),
      await createLabel(team.users.member, team.workspaceId),
    ];
    const task = await newTask({
      assigneeIds: [team.users.member.id],
      labelIds: [l1],
      priority: 'high',
      storyPoints: 3,
    });
    const res = await patch(team.users.admin, task.id, {
      version: 1,
      assigneeIds: [team.users.owner.id, team.users.admin.id],
      labelIds: [l2],
    });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(2);
    expect([...res.body.assigneeIds].sort()).toEqual([team.users.owner.id, team.users.admin.id].sort());
    expect(res.body.labelIds).toEqual([l2]);
    expect(res.body).toMatchObject({ priority: 'high', storyPoints: 3, title: task.title });
    const { rows } = await api.deps.pool.query(
      'select user_id from task_assignees where task_id = $1 order by user_id',
      [task.id],
    );
    expect(rows.map((r) => r.user_id)).toEqual([team.users.owner.id, team.users.admin.id].sort());
    const cleared = await patch(team.users.member, task.id, {
      version: 2,
      assigneeIds: [],
      labelIds: [],
      storyPoints: null,
    });
    expect(cleared.body).toMatchObject({ version: 3, assigneeIds: [], labelIds: [], storyPoints: null });
  });

  it('sets completedAt when a task becomes done and clears it when it leaves done', async () => {
    const task = await newTask();
    const done = await patch(team.users.member, task.id, { version: 1, status: 'done' });
    expect(done.body.completedAt).toEqual(expect.any(String));
    expect((await dbRow(task.id)).completed_at).toBeInstanceOf(Date);
    const reopened = await patch(team.users.member, task.id, { version: 2, status: 'in_progress' });
    expect(reopened.body.completedAt).toBeNull();
    expect((await dbRow(task.id)).completed_at).toBeNull();
  });

  it('answers a stale version with 409 carrying the current task, and changes nothing', async () => {
    const task = await newTask();
    expect((await patch(team.users.member, task.id, { version: 1, title: 'Their edit' })).status).toBe(200);
    const stale = await patch(team.users.admin, task.id, { version: 1, title: 'My edit' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CONFLICT');
    const current = (await get(team.users.member, task.id)).body;
    expect(stale.body.error.details.current).toEqual(current);
    expect(current).toMatchObject({ title: 'Their edit', version: 2 });
  });

  it('lets exactly one of two concurrent PATCHes with the same version win', async () => {
    for (let round = 0; round < 5; round++) {
      const task = await newTask();
      const results = await Promise.all([
        patch(team.users.member, task.id, { version: 1, title: `Alice ${round}` }),
        patch(team.users.admin, task.id, { version: 1, title: `Bob ${round}` }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const winner = results.find((r) => r.status === 200)!;
      const row = await dbRow(task.id);
      expect(row.version).toBe(2);
      expect(row.title).toBe(winner.body.title);
      const { rows } = await api.deps.pool.query(
        "select count(*)::int as n from activities where entity_id = $1 and action = 'updated'",
        [task.id],
      );
      expect(rows[0].n).toBe(1);
    }
  });

  it('forbids a viewer to update (403)', async () => {
    const task = await newTask();
    expect((await patch(team.users.viewer, task.id, { version: 1, title: 'Viewer edit' })).status).toBe(403);
  });
});

describe('mass assignment', () => {
  const forged = () => ({
    id: randomUUID(),
    workspaceId: randomUUID(),
    projectId: randomUUID(),
    createdBy: team.users.owner.id,
    number: 9999,
    version: 77,
    position: -5,
    key: 'HACK-1',
  });

  it('ignores server-owned fields in a create body', async () => {
    const body = { title: 'Forged create', ...forged() };
    const res = await create(team.users.member, body);
    expect(res.status).toBe(201);
    const row = await dbRow(res.body.id);
    expect(row.id).not.toBe(body.id);
    expect(row).toMatchObject({
      workspace_id: team.workspaceId,
      project_id: team.projectId,
      created_by: team.users.member.id,
      version: 1,
    });
    expect(row.number).not.toBe(9999);
    expect(row.position).toBeGreaterThan(0);
    expect(res.body.key).toBe(`CORE-${row.number}`);
    const { rows } = await api.deps.pool.query('select count(*)::int as n from tasks where id = $1', [
      body.id,
    ]);
    expect(rows[0].n).toBe(0);
  });

  it('ignores server-owned fields in a patch body; version only moves by one', async () => {
    const task = await newTask();
    const before = await dbRow(task.id);
    const { version: _v, ...rest } = forged();
    const res = await patch(team.users.admin, task.id, { ...rest, version: 1, title: 'Forged patch' });
    expect(res.status).toBe(200);
    const after = await dbRow(task.id);
    for (const column of ['id', 'workspace_id', 'project_id', 'created_by', 'number', 'position']) {
      expect(after[column]).toEqual(before[column]);
    }
    expect(after).toMatchObject({ title: 'Forged patch', version: 2 });
    expect(res.body.key).toBe(task.key);
    expect((await patch(team.users.admin, task.id, { version: 77, title: 'Jump' })).status).toBe(409);
  });
});

describe('delete a task', () => {
  it('lets a member delete their own task, soft: the row stays with deleted_at and reads answer 404', async () => {
    const task = await newTask({}, team.users.member);
    const res = await api.http().delete(`${V1}/tasks/${task.id}`).set(auth(team.users.member));
    expect(res.status).toBe(204);
    expect((await get(team.users.member, task.id)).status).toBe(404);
    expect((await patch(team.users.member, task.id, { version: 1, title: 'Too late' })).status).toBe(404);
    expect((await api.http().delete(`${V1}/tasks/${task.id}`).set(auth(team.users.owner))).status).toBe(404);
    const row = await dbRow(task.id);
    expect(row.deleted_at).toBeInstanceOf(Date);
    const list = await api
      .http()
      .get(`${V1}/projects/${team.projectId}/tasks?limit=100`)
      .set(auth(team.users.member));
    expect(list.body.items.map((t: { id: string }) => t.id)).not.toContain(task.id);
  });

  it('forbids a member to delete someone else’s task (403) but lets an admin delete any', async () => {
    const task = await newTask({}, team.users.owner);
    expect((await api.http().delete(`${V1}/tasks/${task.id}`).set(auth(team.users.member))).status).toBe(403);
    expect((await api.http().delete(`${V1}/tasks/${task.id}`).set(auth(team.users.viewer))).status).toBe(403);
    expect((await dbRow(task.id)).deleted_at).toBeNull();
    expect((await api.http().delete(`${V1}/tasks/${task.id}`).set(auth(team.users.admin))).status).toBe(204);
  });
});

describe('sub-tasks', () => {
  it('creates a sub-task under a parent and lists the children with ?parentId=', async () => {
    const parent = await newTask();
    const a = await newTask({ parentId: parent.id });
    const b = await newTask({ parentId: parent.id });
    await newTask();
    expect(a.parentId).toBe(parent.id);
    const res = await api
      .http()
      .get(`${V1}/projects/${team.projectId}/tasks?parentId=${parent.id}`)
      .set(auth(team.users.viewer));
    expect(res.status).toBe(200);
    expect(res.body.items.map((t: { id: string }) => t.id).sort()).toEqual([a.id, b.id].sort());
  });

  it('refuses to make a task its own parent or the child of its descendant (400)', async () => {
    const root = await newTask();
    const child = await newTask({ parentId: root.id });
    const grandchild = await newTask({ parentId: child.id });
    for (const parentId of [root.id, child.id, grandchild.id]) {
      const res = await patch(team.users.member, root.id, { version: 1, parentId });
      expect(res.status).toBe(400);
      expect(res.body.error.details[0].field).toBe('parentId');
    }
    expect((await dbRow(root.id)).parent_id).toBeNull();
    const moved = await patch(team.users.member, grandchild.id, { version: 1, parentId: root.id });
    expect(moved.status).toBe(200);
    expect(moved.body.parentId).toBe(root.id);
  });
});

describe('activity and outbox', () => {
  it('writes one activity row and one outbox row per mutation', async () => {
    const start = await eventCounts();
    const task = await newTask();
    const afterCreate = await eventCounts();
    expect(afterCreate).toEqual({ activities: start.activities + 1, outbox: start.outbox + 1 });
    await patch(team.users.member, task.id, { version: 1, priority: 'low' });
    await api
      .http()
      .post(`${V1}/tasks/${task.id}/move`)
      .set(auth(team.users.member))
      .send({ status: 'in_review', version: 2 });
    await api.http().delete(`${V1}/tasks/${task.id}`).set(auth(team.users.member));
    expect(await eventCounts()).toEqual({ activities: start.activities + 4, outbox: start.outbox + 4 });
    const { rows } = await api.deps.pool.query(
      `select a.action, o.type from activities a join outbox o on o.entity_id = a.entity_id and o.created_at = a.created_at
        where a.entity_id = $1 order by a.created_at`,
      [task.id],
    );
    expect(rows).toEqual([
      { action: 'created', type: 'TASK_CREATED' },
      { action: 'updated', type: 'TASK_UPDATED' },
      { action: 'moved', type: 'TASK_MOVED' },
      { action: 'deleted', type: 'TASK_DELETED' },
    ]);
  });

  it('writes nothing for a rejected mutation', async () => {
    const task = await newTask();
    const start = await eventCounts();
    expect((await patch(team.users.member, task.id, { version: 5, title: 'Stale' })).status).toBe(409);
    expect(
      (await patch(team.users.member, task.id, { version: 1, assigneeIds: [team.users.stranger.id] })).status,
    ).toBe(400);
    expect((await patch(team.users.member, task.id, { version: 1, parentId: task.id })).status).toBe(400);
    expect((await create(team.users.member, { title: 'no' })).status).toBe(400);
    expect(
      (await create(team.users.member, { title: 'Bad assignee', assigneeIds: [team.users.stranger.id] }))
        .status,
    ).toBe(400);
    expect(
      (
        await api
          .http()
          .post(`${V1}/tasks/${task.id}/move`)
          .set(auth(team.users.member))
          .send({ status: 'done', version: 9 })
      ).status,
    ).toBe(409);
    expect((await api.http().delete(`${V1}/tasks/${task.id}`).set(auth(team.users.viewer))).status).toBe(403);
    expect(await eventCounts()).toEqual(start);
    expect((await dbRow(task.id)).version).toBe(1);
  });
});
