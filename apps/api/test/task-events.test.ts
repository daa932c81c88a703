import { auth, createTeam, startApi, V1, type TeamFixture, type TestApi } from './harness';

let api: TestApi;
let team: TeamFixture;
beforeAll(async () => {
  api = await startApi();
  team = await createTeam(api);
});
afterAll(() => api.close());

describe('creating a task writes its event with it', () => {
  it('stores an outbox event whose data is exactly the task the api returned', async () => {
    const label = await api
      .http()
      .post(`${V1}/workspaces/${team.workspaceId}/labels`)
      .set(auth(team.users.owner))
      .send({ name: 'ops' });
    const res = await api
      .http()
      .post(`${V1}/projects/${team.projectId}/tasks`)
      .set(auth(team.users.member))
      .send({
        title: 'Rotate the keys',
        assigneeIds: [team.users.admin.id, team.users.member.id],
        labelIds: [label.body.id],
        storyPoints: 3,
      });
    expect(res.status).toBe(201);
    const { rows } = await api.deps.pool.query(
      `select type, actor_id, payload from outbox where entity_id = $1`,
      [res.body.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].type).toBe('TASK_CREATED');
    expect(rows[0].actor_id).toBe(team.users.member.id);
    expect(rows[0].payload.data).toEqual(res.body);
    expect(rows[0].payload).toMatchObject({
      type: 'TASK_CREATED',
      workspaceId: team.workspaceId,
      entityId: res.body.id,
      version: 1,
    });
    const activity = await api.deps.pool.query(
      `select action, changes from activities where entity_id = $1`,
      [res.body.id],
    );
    expect(activity.rows).toEqual([
      { action: 'created', changes: { title: 'Rotate the keys', status: 'todo' } },
    ]);
    const fetched = await api.http().get(`${V1}/tasks/${res.body.id}`).set(auth(team.users.viewer));
    expect(fetched.body).toEqual(res.body);
  });

  // A create with nothing else to stage is one statement without a transaction: the number, key and
  // position in its event are filled in by that statement, and must be the ones the api returned.
  it('gives a plain create the event and activity of a create, with the number and place the database chose', async () => {
    const create = (title: string) =>
      api.http().post(`${V1}/projects/${team.projectId}/tasks`).set(auth(team.users.member)).send({ title });
    const first = await create('Plain one');
    const second = await create('Plain two');
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.number).toBe(first.body.number + 1);
    expect(second.body.key).toBe(`${first.body.key.split('-')[0]}-${second.body.number}`);
    expect(second.body.position).toBeGreaterThan(first.body.position);
    for (const res of [first, second]) {
      const { rows } = await api.deps.pool.query(
        `select o.type, o.payload, a.action, a.changes, a.task_id from outbox o join activities a on a.id = o.activity_id
         where o.entity_id = $1`,
        [res.body.id],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ type: 'TASK_CREATED', action: 'created', task_id: res.body.id });
      expect(rows[0].payload.data).toEqual(res.body);
      expect(rows[0].changes).toEqual({ title: res.body.title, status: 'todo' });
    }
    const fetched = await api.http().get(`${V1}/tasks/${second.body.id}`).set(auth(team.users.viewer));
    expect(fetched.body).toEqual(second.body);
  });

  it('numbers concurrent creates in one project uniquely and without gaps', async () => {
    const before = await api
      .http()
      .get(`${V1}/projects/${team.projectId}/tasks?limit=100`)
      .set(auth(team.users.owner));
    const highest = Math.max(...before.body.items.map((t: { number: number }) => t.number));
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api
          .http()
          .post(`${V1}/projects/${team.projectId}/tasks`)
          .set(auth(team.users.member))
          .send({ title: `Parallel ${i}` }),
      ),
    );
    expect(created.every((r) => r.status === 201)).toBe(true);
    const numbers = created.map((r) => r.body.number as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => highest + 1 + i));
    expect(new Set(created.map((r) => r.body.key)).size).toBe(20);
  });

  it('writes nothing when the project was deleted meanwhile', async () => {
    const project = await api
      .http()
      .post(`${V1}/workspaces/${team.workspaceId}/projects`)
      .set(auth(team.users.owner))
      .send({ name: 'Gone soon', key: 'GONE' });
    await api.http().delete(`${V1}/projects/${project.body.id}`).set(auth(team.users.owner));
    const res = await api
      .http()
      .post(`${V1}/projects/${project.body.id}/tasks`)
      .set(auth(team.users.owner))
      .send({ title: 'Too late' });
    expect(res.status).toBe(404);
    const { rows } = await api.deps.pool.query(`select count(*)::int as n from tasks where project_id = $1`, [
      project.body.id,
    ]);
    expect(rows[0].n).toBe(0);
  });
});
