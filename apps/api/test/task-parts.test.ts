import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { auth, createTeam, startApi, V1, type TeamFixture, type TestApi, type TestUser } from './harness';
import {
  expectEachOnceInOrder,
  expectPagingRefused,
  firstCursor,
  pageThrough,
  tieCreatedAt,
} from './list-paging';

let api: TestApi;
let team: TeamFixture;
let otherTeam: TeamFixture;
beforeAll(async () => {
  api = await startApi();
  [team, otherTeam] = await Promise.all([createTeam(api), createTeam(api)]);
});
afterAll(() => api.close());

interface Task {
  id: string;
  version: number;
  key: string;
  labelIds: string[];
}

async function newTask(
  title = `Part ${randomUUID().slice(0, 6)}`,
  user: TestUser = team.users.member,
): Promise<Task> {
  const res = await api.http().post(`${V1}/projects/${team.projectId}/tasks`).set(auth(user)).send({ title });
  if (res.status !== 201) throw new Error(`create failed: ${res.status}`);
  return res.body;
}

const comment = (user: TestUser, taskId: string, body: string) =>
  api.http().post(`${V1}/tasks/${taskId}/comments`).set(auth(user)).send({ body });

async function pageAll(user: TestUser, path: string, limit: number): Promise<{ id: string }[]> {
  const items: { id: string }[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res: Response = await api
      .http()
      .get(`${V1}${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`)
      .set(auth(user));
    expect(res.status).toBe(200);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor && ++pages < 50); // a cursor that never advances fails the caller's assertion, not the timeout
  return items;
}

describe('comments', () => {
  it('creates a comment with its author and sanitises the body', async () => {
    const res = await comment(
      team.users.member,
      team.taskId,
      'Looks good <img src=x onerror="alert(1)"> <script>steal()</script>**ship it**',
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ taskId: team.taskId, workspaceId: team.workspaceId, editedAt: null });
    expect(res.body.author).toMatchObject({ id: team.users.member.id, name: team.users.member.name });
    expect(res.body.body).not.toMatch(/onerror|script|steal|alert/);
    expect(res.body.body).toContain('**ship it**');
    const { rows } = await api.deps.pool.query('select body, author_id from comments where id = $1', [
      res.body.id,
    ]);
    expect(rows[0]).toEqual({ body: res.body.body, author_id: team.users.member.id });
  });

  it('refuses a viewer (403), a stranger (404) and an empty body (400)', async () => {
    expect((await comment(team.users.viewer, team.taskId, 'I only watch')).status).toBe(403);
    expect((await comment(team.users.stranger, team.taskId, 'Let me in')).status).toBe(404);
    expect((await comment(team.users.member, team.taskId, '   ')).status).toBe(400);
  });

  it("lists comments oldest first and pages through them exactly once; another list's cursor is a 400", async () => {
    const task = await newTask();
    const made: string[] = [];
    for (let i = 0; i < 9; i++)
      made.push((await comment(i % 2 ? team.users.admin : team.users.member, task.id, `Note ${i}`)).body.id);
    const all = await api.http().get(`${V1}/tasks/${task.id}/comments`).set(auth(team.users.viewer));
    expect(all.body.items.map((c: { id: string }) => c.id)).toEqual(made);
    expect(all.body.nextCursor).toBeNull();
    for (const limit of [1, 2, 4]) {
      expect(
        (await pageAll(team.users.viewer, `/tasks/${task.id}/comments`, limit)).map((c) => c.id),
      ).toEqual(made);
    }
    // Tasks sorted by creation page by (createdAt, id) too: a cursor of the same shape that is
    // still not this list's.
    const tasks = await firstCursor(
      api,
      team.users.viewer,
      `${V1}/projects/${team.projectId}/tasks?sort=createdAt`,
    );
    await expectPagingRefused(api, team.users.viewer, `${V1}/tasks/${task.id}/comments`, tasks);
  });

  it('lets the author edit (editedAt set) but not anyone else, even the owner', async () => {
    const created = (await comment(team.users.member, team.taskId, 'First draft')).body;
    const edited = await api
      .http()
      .patch(`${V1}/comments/${created.id}`)
      .set(auth(team.users.member))
      .send({ body: 'Second draft <script>x()</script>' });
    expect(edited.status).toBe(200);
    expect(edited.body.body).toBe('Second draft ');
    expect(edited.body.editedAt).toEqual(expect.any(String));
    for (const user of [team.users.owner, team.users.admin]) {
      const res = await api
        .http()
        .patch(`${V1}/comments/${created.id}`)
        .set(auth(user))
        .send({ body: 'Hijacked' });
      expect(res.status).toBe(403);
    }
    expect(
      (
        await api
          .http()
          .patch(`${V1}/comments/${created.id}`)
          .set(auth(team.users.stranger))
          .send({ body: 'x' })
      ).status,
    ).toBe(404);
    const { rows } = await api.deps.pool.query('select body from comments where id = $1', [created.id]);
    expect(rows[0].body).toBe('Second draft ');
  });

  it('lets the author or an admin delete, but not another member', async () => {
    const mine = (await comment(team.users.member, team.taskId, 'Mine')).body;
    const admins = (await comment(team.users.admin, team.taskId, 'Admin says')).body;
    const third = (await comment(team.users.owner, team.taskId, 'Owner says')).body;
    const del = (user: TestUser, id: string) => api.http().delete(`${V1}/comments/${id}`).set(auth(user));
    expect((await del(team.users.member, admins.id)).status).toBe(403);
    expect((await del(team.users.viewer, mine.id)).status).toBe(403);
    expect((await del(team.users.member, mine.id)).status).toBe(204);
    expect((await del(team.users.admin, third.id)).status).toBe(204);
    expect((await del(team.users.member, mine.id)).status).toBe(404);
    const listed = await pageAll(team.users.viewer, `/tasks/${team.taskId}/comments`, 100);
    const ids = listed.map((c) => c.id);
    expect(ids).toContain(admins.id);
    expect(ids).not.toContain(mine.id);
    expect(ids).not.toContain(third.id);
    const { rows } = await api.deps.pool.query('select deleted_at from comments where id = $1', [mine.id]);
    expect(rows[0].deleted_at).toBeInstanceOf(Date);
  });
});

describe('labels', () => {
  const labelsPath = (ws = team.workspaceId) => `${V1}/workspaces/${ws}/labels`;
  const createLabel = (user: TestUser, body: Record<string, unknown>, ws = team.workspaceId) =>
    api.http().post(labelsPath(ws)).set(auth(user)).send(body);

  it('creates and lists labels; a duplicate name in any case is 409, a bad colour 400', async () => {
    const res = await createLabel(team.users.member, { name: 'Backend', color: '#FF0000' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'Backend', color: '#FF0000', workspaceId: team.workspaceId });
    const dup = await createLabel(team.users.admin, { name: 'bACKEND', color: '#00ff00' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('CONFLICT');
    expect(
      (await createLabel(otherTeam.users.owner, { name: 'backend' }, otherTeam.workspaceId)).status,
    ).toBe(201);
    for (const color of ['red', '#fff', '#12345g', '#1234567']) {
      const bad = await createLabel(team.users.member, { name: `c-${color}`, color });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details[0].field).toBe('color');
    }
    expect((await createLabel(team.users.viewer, { name: 'Viewer label' })).status).toBe(403);
    const listed = await api.http().get(labelsPath()).set(auth(team.users.viewer));
    expect(
      listed.body.items.filter((l: { name: string }) => l.name.toLowerCase() === 'backend'),
    ).toHaveLength(1);
    expect((await api.http().get(labelsPath()).set(auth(team.users.stranger))).status).toBe(404);
  });

  it('puts a label on a task and takes it off', async () => {
    const task = await newTask();
    const label = (await createLabel(team.users.member, { name: `tag-${randomUUID().slice(0, 6)}` })).body;
    const added = await api
      .http()
      .post(`${V1}/tasks/${task.id}/labels`)
      .set(auth(team.users.member))
      .send({ labelId: label.id });
    expect(added.status).toBe(200);
    expect(added.body.labelIds).toEqual([label.id]);
    const onTask = await api.http().get(`${V1}/tasks/${task.id}/labels`).set(auth(team.users.viewer));
    expect(onTask.body.items.map((l: { id: string }) => l.id)).toEqual([label.id]);
    const removed = await api
      .http()
      .delete(`${V1}/tasks/${task.id}/labels/${label.id}`)
      .set(auth(team.users.member));
    expect(removed.status).toBe(200);
    expect(removed.body.labelIds).toEqual([]);
    const { rows } = await api.deps.pool.query(
      'select count(*)::int as n from task_labels where task_id = $1',
      [task.id],
    );
    expect(rows[0].n).toBe(0);
  });

  it('takes a label off with DELETE /tasks/:taskId/labels and the body POST takes ({labelId})', async () => {
    const task = await newTask();
    const label = (await createLabel(team.users.member, { name: `off-${randomUUID().slice(0, 6)}` })).body;
    const path = `${V1}/tasks/${task.id}/labels`;
    await api.http().post(path).set(auth(team.users.member)).send({ labelId: label.id });
    const remove = (user: TestUser, body: Record<string, unknown>) =>
      api.http().delete(path).set(auth(user)).send(body);
    expect((await remove(team.users.viewer, { labelId: label.id })).status).toBe(403);
    expect((await remove(team.users.member, {})).body.error.details[0].field).toBe('labelId');
    const removed = await remove(team.users.member, { labelId: label.id });
    expect(removed.status).toBe(200);
    expect(removed.body.labelIds).toEqual([]);
    const onTask = await api.http().get(path).set(auth(team.users.viewer));
    expect(onTask.body.items).toEqual([]);
  });

  it('refuses a label of another workspace (400) and changes nothing', async () => {
    const task = await newTask();
    const foreign = (
      await createLabel(
        otherTeam.users.owner,
        { name: `foreign-${randomUUID().slice(0, 6)}` },
        otherTeam.workspaceId,
      )
    ).body;
    const res = await api
      .http()
      .post(`${V1}/tasks/${task.id}/labels`)
      .set(auth(team.users.member))
      .send({ labelId: foreign.id });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('labelId');
    const { rows } = await api.deps.pool.query(
      'select count(*)::int as n from task_labels where task_id = $1',
      [task.id],
    );
    expect(rows[0].n).toBe(0);
  });

  it('lets an admin (not a member) delete a label, which removes it from tasks', async () => {
    const task = await newTask();
    const label = (await createLabel(team.users.member, { name: `doomed-${randomUUID().slice(0, 6)}` })).body;
    await api
      .http()
      .post(`${V1}/tasks/${task.id}/labels`)
      .set(auth(team.users.member))
      .send({ labelId: label.id });
    expect((await api.http().delete(`${labelsPath()}/${label.id}`).set(auth(team.users.member))).status).toBe(
      403,
    );
    expect(
      (
        await api
          .http()
          .delete(`${labelsPath(otherTeam.workspaceId)}/${label.id}`)
          .set(auth(otherTeam.users.owner))
      ).status,
    ).toBe(404);
    expect((await api.http().delete(`${labelsPath()}/${label.id}`).set(auth(team.users.admin))).status).toBe(
      204,
    );
    expect(
      (await api.http().get(`${V1}/tasks/${task.id}`).set(auth(team.users.member))).body.labelIds,
    ).toEqual([]);
    const listed = await api.http().get(labelsPath()).set(auth(team.users.member));
    expect(listed.body.items.map((l: { id: string }) => l.id)).not.toContain(label.id);
  });

  it('deletes a label with DELETE /workspaces/:workspaceId/labels and the label in the body ({labelId})', async () => {
    const task = await newTask();
    const label = (await createLabel(team.users.member, { name: `gone-${randomUUID().slice(0, 6)}` })).body;
    await api
      .http()
      .post(`${V1}/tasks/${task.id}/labels`)
      .set(auth(team.users.member))
      .send({ labelId: label.id });
    const remove = (user: TestUser, body: Record<string, unknown>, ws = team.workspaceId) =>
      api.http().delete(labelsPath(ws)).set(auth(user)).send(body);
    expect((await remove(team.users.member, { labelId: label.id })).status).toBe(403);
    expect((await remove(team.users.admin, {})).body.error.details[0].field).toBe('labelId');
    expect((await remove(otherTeam.users.owner, { labelId: label.id }, otherTeam.workspaceId)).status).toBe(
      404,
    );
    expect((await remove(team.users.admin, { labelId: label.id })).status).toBe(204);
    expect(
      (await api.http().get(`${V1}/tasks/${task.id}`).set(auth(team.users.member))).body.labelIds,
    ).toEqual([]);
    expect((await remove(team.users.admin, { labelId: label.id })).status).toBe(404);
  });

  it('pages the workspace labels by name, 50 by default, with ?limit= and ?cursor=, each once', async () => {
    const fresh = await createTeam(api);
    for (let i = 0; i < 51; i++) {
      const name = `${i % 2 ? 'tag' : 'Tag'} ${String(i).padStart(2, '0')}`;
      expect((await createLabel(fresh.users.member, { name }, fresh.workspaceId)).status).toBe(201);
    }
    const { rows } = await api.deps.pool.query<{ id: string }>(
      'select id from labels where workspace_id = $1 order by name, id',
      [fresh.workspaceId],
    );
    const order = rows.map((r) => r.id);
    expect(order).toHaveLength(51);
    const first = await api.http().get(labelsPath(fresh.workspaceId)).set(auth(fresh.users.viewer));
    expect(first.body.items.map((l: { id: string }) => l.id)).toEqual(order.slice(0, 50));
    expect(first.body.nextCursor).toEqual(expect.any(String));
    for (const limit of [1, 2, 100]) {
      const pages = await pageThrough<{ id: string }>(
        api,
        fresh.users.viewer,
        labelsPath(fresh.workspaceId),
        limit,
      );
      expect(pages.flatMap((p) => p.items.map((l) => l.id))).toEqual(order);
      expect(pages).toHaveLength(Math.ceil(51 / limit));
      expect(pages.at(-1)!.nextCursor).toBeNull();
    }
    const projects = `${V1}/workspaces/${fresh.workspaceId}/projects`;
    expect(
      (await api.http().post(projects).set(auth(fresh.users.owner)).send({ name: 'Second' })).status,
    ).toBe(201);
    // Projects page by (name, id) too: the cursor has the same shape and still is not this list's.
    const projectPage = await api.http().get(`${projects}?limit=1`).set(auth(fresh.users.viewer));
    await expectPagingRefused(
      api,
      fresh.users.viewer,
      labelsPath(fresh.workspaceId),
      projectPage.body.nextCursor,
    );
  });

  it("pages a task's labels by name with ?limit= and ?cursor=; bad paging is a 400", async () => {
    const task = await newTask();
    const tag = randomUUID().slice(0, 6);
    const made: { id: string; name: string }[] = [];
    for (const name of [`c-${tag}`, `a-${tag}`, `b-${tag}`]) {
      const label = (await createLabel(team.users.member, { name })).body;
      made.push(label);
      const put = await api
        .http()
        .post(`${V1}/tasks/${task.id}/labels`)
        .set(auth(team.users.member))
        .send({ labelId: label.id });
      expect(put.status).toBe(200);
    }
    const { rows } = await api.deps.pool.query<{ id: string }>(
      'select l.id from labels l join task_labels tl on tl.label_id = l.id where tl.task_id = $1 order by l.name, l.id',
      [task.id],
    );
    const order = rows.map((r) => r.id);
    expect([...order].sort()).toEqual(made.map((l) => l.id).sort());
    const path = `${V1}/tasks/${task.id}/labels`;
    for (const limit of [1, 2]) {
      const pages = await pageThrough<{ id: string }>(api, team.users.viewer, path, limit);
      expect(pages.flatMap((p) => p.items.map((l) => l.id))).toEqual(order);
      expect(pages).toHaveLength(Math.ceil(3 / limit));
      expect(pages.at(-1)!.nextCursor).toBeNull();
    }
    const workspaceLabels = await api.http().get(`${labelsPath()}?limit=1`).set(auth(team.users.viewer));
    expect(workspaceLabels.body.nextCursor).toEqual(expect.any(String));
    await expectPagingRefused(api, team.users.viewer, path, workspaceLabels.body.nextCursor);
  });
});

describe('dependencies', () => {
  const depend = (taskId: string, dependsOnTaskId: string) =>
    api
      .http()
      .post(`${V1}/tasks/${taskId}/dependencies`)
      .set(auth(team.users.member))
      .send({ dependsOnTaskId });

  it('adds a dependency (201) with both directions listed', async () => {
    const [a, b] = [await newTask('Build API'), await newTask('Design schema')];
    const res = await depend(a.id, b.id);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      dependsOn: [{ id: b.id, key: b.key, title: 'Design schema', status: 'todo' }],
      blocks: [],
    });
    const fromB = await api.http().get(`${V1}/tasks/${b.id}/dependencies`).set(auth(team.users.viewer));
    expect(fromB.body).toEqual({
      dependsOn: [],
      blocks: [{ id: a.id, key: a.key, title: 'Build API', status: 'todo' }],
    });
  });

  it('refuses a task depending on itself (400)', async () => {
    const a = await newTask();
    const res = await depend(a.id, a.id);
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('dependsOnTaskId');
  });

  it('refuses direct and longer cycles with 409', async () => {
    const [a, b, c] = [await newTask(), await newTask(), await newTask()];
    expect((await depend(a.id, b.id)).status).toBe(201);
    expect((await depend(b.id, a.id)).status).toBe(409);
    expect((await depend(b.id, c.id)).status).toBe(201);
    const loop = await depend(c.id, a.id);
    expect(loop.status).toBe(409);
    expect(loop.body.error.code).toBe('CONFLICT');
    const { rows } = await api.deps.pool.query(
      'select count(*)::int as n from task_dependencies where task_id = any($1::uuid[])',
      [[a.id, b.id, c.id]],
    );
    expect(rows[0].n).toBe(2);
  });

  it('refuses a task from another workspace (400) and unknown ids (400)', async () => {
    const a = await newTask();
    expect((await depend(a.id, otherTeam.taskId)).status).toBe(400);
    expect((await depend(a.id, randomUUID())).status).toBe(400);
    const fromOutside = await api
      .http()
      .post(`${V1}/tasks/${otherTeam.taskId}/dependencies`)
      .set(auth(otherTeam.users.member))
      .send({ dependsOnTaskId: a.id });
    expect(fromOutside.status).toBe(400);
  });

  it('removes a dependency (204) and answers 404 for one that does not exist', async () => {
    const [a, b] = [await newTask(), await newTask()];
    await depend(a.id, b.id);
    const path = `${V1}/tasks/${a.id}/dependencies/${b.id}`;
    expect((await api.http().delete(path).set(auth(team.users.viewer))).status).toBe(403);
    expect((await api.http().delete(path).set(auth(team.users.member))).status).toBe(204);
    expect((await api.http().delete(path).set(auth(team.users.member))).status).toBe(404);
    expect(
      (await api.http().get(`${V1}/tasks/${a.id}/dependencies`).set(auth(team.users.member))).body,
    ).toEqual({ dependsOn: [], blocks: [] });
  });

  it('removes a dependency with DELETE /tasks/:taskId/dependencies and the body POST takes ({dependsOnTaskId})', async () => {
    const [a, b] = [await newTask(), await newTask()];
    await depend(a.id, b.id);
    const remove = (user: TestUser, body: Record<string, unknown>) =>
      api.http().delete(`${V1}/tasks/${a.id}/dependencies`).set(auth(user)).send(body);
    expect((await remove(team.users.viewer, { dependsOnTaskId: b.id })).status).toBe(403);
    expect((await remove(team.users.member, {})).body.error.details[0].field).toBe('dependsOnTaskId');
    expect((await remove(team.users.member, { dependsOnTaskId: b.id })).status).toBe(204);
    expect((await remove(team.users.member, { dependsOnTaskId: b.id })).status).toBe(404);
    expect(
      (await api.http().get(`${V1}/tasks/${b.id}/dependencies`).set(auth(team.users.member))).body,
    ).toEqual({ dependsOn: [], blocks: [] });
  });
});

describe('activity', () => {
  it('lists a task’s history newest first with the actor', async () => {
    const task = await newTask('History task', team.users.member);
    await api
      .http()
      .patch(`${V1}/tasks/${task.id}`)
      .set(auth(team.users.admin))
      .send({ version: 1, priority: 'high' });
    await api
      .http()
      .post(`${V1}/tasks/${task.id}/move`)
      .set(auth(team.users.owner))
      .send({ version: 2, status: 'in_progress' });
    await comment(team.users.admin, task.id, 'On it');
    const res = await api.http().get(`${V1}/tasks/${task.id}/activity`).set(auth(team.users.viewer));
    expect(res.status).toBe(200);
    expect(
      res.body.items.map((a: { action: string; actor: { id: string } }) => [a.action, a.actor.id]),
    ).toEqual([
      ['commented', team.users.admin.id],
      ['moved', team.users.owner.id],
      ['updated', team.users.admin.id],
      ['created', team.users.member.id],
    ]);
    expect(res.body.items[0].actor.name).toBe(team.users.admin.name);
    expect(res.body.items[1].changes).toEqual({ status: { from: 'todo', to: 'in_progress' } });
    expect(res.body.items[2].changes).toEqual({ priority: { from: 'medium', to: 'high' } });
    expect(
      (await api.http().get(`${V1}/tasks/${task.id}/activity`).set(auth(team.users.stranger))).status,
    ).toBe(404);
  });

  it("pages through the workspace activity exactly once, newest first; a task's activity cursor is a 400", async () => {
    const fresh = await createTeam(api);
    const task = (
      await api
        .http()
        .post(`${V1}/projects/${fresh.projectId}/tasks`)
        .set(auth(fresh.users.member))
        .send({ title: 'Busy' })
    ).body;
    for (let i = 0; i < 6; i++) await comment(fresh.users.member, task.id, `Update ${i}`);
    const { rows } = await api.deps.pool.query(
      'select id from activities where workspace_id = $1 order by created_at desc, id desc',
      [fresh.workspaceId],
    );
    expect(rows.length).toBeGreaterThan(8);
    for (const limit of [1, 3, 5]) {
      const paged = await pageAll(fresh.users.viewer, `/workspaces/${fresh.workspaceId}/activity`, limit);
      expect(paged.map((a) => a.id)).toEqual(rows.map((r) => r.id));
    }
    const leaked = await pageAll(team.users.owner, `/workspaces/${team.workspaceId}/activity`, 100);
    expect(leaked.length).toBeGreaterThan(0);
    expect(leaked.map((a) => a.id)).not.toContain(rows[0].id);
    // A task's activity is a list of its own, by (createdAt, id) too: its cursor is not this list's.
    const ofTask = await firstCursor(api, fresh.users.viewer, `${V1}/tasks/${task.id}/activity`);
    await expectPagingRefused(
      api,
      fresh.users.viewer,
      `${V1}/workspaces/${fresh.workspaceId}/activity`,
      ofTask,
    );
  });

  it("pages through a task's activity exactly once, newest first; the workspace's activity cursor is a 400", async () => {
    const task = await newTask('Paged history', team.users.member);
    for (let i = 0; i < 4; i++) await comment(team.users.member, task.id, `Step ${i}`);
    const { rows } = await api.deps.pool.query<{ id: string }>(
      'select id from activities where task_id = $1 order by created_at desc, id desc',
      [task.id],
    );
    expect(rows).toHaveLength(5);
    for (const limit of [1, 2, 4]) {
      const paged = await pageAll(team.users.viewer, `/tasks/${task.id}/activity`, limit);
      expect(paged.map((a) => a.id)).toEqual(rows.map((r) => r.id));
    }
    const ofWorkspace = await firstCursor(
      api,
      team.users.viewer,
      `${V1}/workspaces/${team.workspaceId}/activity`,
    );
    await expectPagingRefused(api, team.users.viewer, `${V1}/tasks/${task.id}/activity`, ofWorkspace);
  });

  it("pages a task's and its workspace's activity that share a created_at to the microsecond (one task change writes several rows) each once, in order", async () => {
    const fresh = await createTeam(api);
    const task = (
      await api
        .http()
        .post(`${V1}/projects/${fresh.projectId}/tasks`)
        .set(auth(fresh.users.member))
        .send({ title: 'Tied history' })
    ).body;
    for (let i = 0; i < 3; i++) await comment(fresh.users.member, task.id, `Step ${i}`);
    const { rows: ofTask } = await api.deps.pool.query<{ id: string }>(
      'select id from activities where task_id = $1',
      [task.id],
    );
    expect(ofTask).toHaveLength(4);
    const made = ofTask.map((r) => r.id);
    const tie = await tieCreatedAt(api, 'activities', made.slice(0, 3), made[3]!);
    await expectEachOnceInOrder(api, fresh.users.viewer, `${V1}/tasks/${task.id}/activity`, tie);
    const { rows } = await api.deps.pool.query<{ id: string }>(
      'select id from activities where workspace_id = $1 order by created_at desc, id desc',
      [fresh.workspaceId],
    );
    const ids = rows.map((r) => r.id);
    // Dated in the past, the four are the workspace's oldest: the walk ends with them.
    expect(ids.slice(-4)).toEqual(tie);
    await expectEachOnceInOrder(
      api,
      fresh.users.viewer,
      `${V1}/workspaces/${fresh.workspaceId}/activity`,
      ids,
    );
  });
});
