import { auth, createTeam, startApi, V1, type TeamFixture, type TestApi } from './harness';
import { expectEachOnceInOrder, expectPagingRefused, firstCursor, tieCreatedAt } from './list-paging';

let api: TestApi;
let team: TeamFixture;
beforeAll(async () => {
  api = await startApi();
  team = await createTeam(api);
});
afterAll(() => api.close());

const declare = (body: Record<string, unknown> = {}) =>
  api
    .http()
    .post(`${V1}/workspaces/${team.workspaceId}/incidents`)
    .set(auth(team.users.member))
    .send({ title: 'Checkout returns 500', severity: 'sev2', ...body });
const patch = (id: string, body: Record<string, unknown>) =>
  api.http().patch(`${V1}/incidents/${id}`).set(auth(team.users.admin)).send(body);

describe('incidents', () => {
  it('declares INC-n per workspace, investigating, with the declaration on the timeline', async () => {
    const a = await declare({ commanderId: team.users.admin.id, taskIds: [team.taskId] });
    const b = await declare();
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({
      status: 'investigating',
      severity: 'sev2',
      commander: { id: team.users.admin.id },
      tasks: [{ key: 'CORE-1' }],
      resolvedAt: null,
      timeToResolveMinutes: null,
    });
    expect(b.body.number).toBe(a.body.number + 1);
    expect(b.body.key).toBe(`INC-${b.body.number}`);
    expect(a.body.timeline).toEqual([expect.objectContaining({ kind: 'declared', to: 'investigating' })]);
    expect((await declare({ commanderId: team.users.stranger.id })).status).toBe(400);
  });

  it('moves forward, skips ahead, records each change on the timeline, and stamps resolvedAt', async () => {
    const i = (await declare()).body;
    const identified = await patch(i.id, { version: 1, status: 'identified', severity: 'sev1' });
    expect(identified.status).toBe(200);
    const resolved = await patch(i.id, { version: 2, status: 'resolved', postmortem: '## What happened' });
    expect(resolved.status).toBe(200);
    expect(resolved.body.resolvedAt).toEqual(expect.any(String));
    expect(resolved.body.timeToResolveMinutes).toBe(0);
    expect(resolved.body.timeline.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(['declared', 'status', 'severity', 'status', 'postmortem']),
    );
    expect(resolved.body.timeline).toHaveLength(5);
  });

  it.each([
    ['identified', 'investigating'],
    ['monitoring', 'identified'],
    ['resolved', 'monitoring'],
    ['identified', 'identified'],
  ])('refuses %s → %s with 409 and records nothing', async (from, to) => {
    const i = (await declare()).body;
    const moved = await patch(i.id, { version: 1, status: from });
    expect(moved.status).toBe(200);
    const res = await patch(i.id, { version: 2, status: to });
    expect(res.status).toBe(409);
    expect(res.body.error.details.current.status).toBe(from);
    const after = await api.http().get(`${V1}/incidents/${i.id}`).set(auth(team.users.viewer));
    expect(after.body.version).toBe(2);
    expect(after.body.timeline).toHaveLength(moved.body.timeline.length);
  });

  it('reopens a resolved incident to investigating, clearing resolvedAt', async () => {
    const i = (await declare()).body;
    await patch(i.id, { version: 1, status: 'resolved' });
    const reopened = await patch(i.id, { version: 2, status: 'investigating' });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: 'investigating', resolvedAt: null });
  });

  it('refuses a stale version with 409 and the current incident', async () => {
    const i = (await declare()).body;
    await patch(i.id, { version: 1, summary: 'first' });
    const stale = await patch(i.id, { version: 1, summary: 'second' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ summary: 'first', version: 2 });
  });

  it('adds notes to the timeline, oldest first, and lists by status and severity', async () => {
    const i = (await declare({ severity: 'sev4' })).body;
    const note = await api
      .http()
      .post(`${V1}/incidents/${i.id}/events`)
      .set(auth(team.users.member))
      .send({ message: 'Rolled back the deploy' });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ kind: 'note', message: 'Rolled back the deploy' });
    const detail = await api.http().get(`${V1}/incidents/${i.id}`).set(auth(team.users.viewer));
    expect(detail.body.timeline.map((e: { kind: string }) => e.kind)).toEqual(['declared', 'note']);
    const sev4 = await api
      .http()
      .get(`${V1}/workspaces/${team.workspaceId}/incidents`)
      .set(auth(team.users.viewer))
      .query({ severity: 'sev4', status: 'investigating' });
    expect(sev4.body.items.map((x: { id: string }) => x.id)).toEqual([i.id]);
  });

  it("pages newest first with ?limit= and ?cursor=, each incident once; another list's cursor is a 400", async () => {
    for (let i = 0; i < 5; i++) await declare({ title: `Paged incident ${i}` });
    const path = `${V1}/workspaces/${team.workspaceId}/incidents`;
    const { rows } = await api.deps.pool.query<{ id: string }>(
      'select id from incidents where workspace_id = $1 order by created_at desc, id desc',
      [team.workspaceId],
    );
    expect(rows.length).toBeGreaterThanOrEqual(5);
    await expectEachOnceInOrder(
      api,
      team.users.viewer,
      path,
      rows.map((r) => r.id),
      [1, 2, 4],
    );
    // The workspace's activity pages by (createdAt, id) too: a cursor of the same shape that is
    // still not this list's.
    const activity = await firstCursor(
      api,
      team.users.viewer,
      `${V1}/workspaces/${team.workspaceId}/activity`,
    );
    await expectPagingRefused(api, team.users.viewer, path, activity);
  });

  it('pages incidents that share a created_at to the microsecond each once, in order', async () => {
    const made: string[] = [];
    for (let i = 0; i < 4; i++) made.push((await declare({ title: `Tied incident ${i}` })).body.id);
    const tie = await tieCreatedAt(api, 'incidents', made.slice(0, 3), made[3]!);
    const { rows } = await api.deps.pool.query<{ id: string }>(
      'select id from incidents where workspace_id = $1 order by created_at desc, id desc',
      [team.workspaceId],
    );
    const ids = rows.map((r) => r.id);
    // Dated in the past, the four are the oldest: the walk ends with them.
    expect(ids.slice(-4)).toEqual(tie);
    await expectEachOnceInOrder(
      api,
      team.users.viewer,
      `${V1}/workspaces/${team.workspaceId}/incidents`,
      ids,
    );
  });

  it('appears on its linked task', async () => {
    const i = (await declare({ taskIds: [team.taskId] })).body;
    const links = await api.http().get(`${V1}/tasks/${team.taskId}/async-links`).set(auth(team.users.viewer));
    expect(links.body.incidents.map((x: { id: string }) => x.id)).toContain(i.id);
  });

  it("makes the postmortem's open action items into tasks of a chosen project, once", async () => {
    const i = (await declare()).body;
    await patch(i.id, {
      version: 1,
      status: 'resolved',
      postmortem:
        '## Action items\n- [x] Roll back\n- [ ] Add a canary for payments\n- [ ] Contract test for amounts',
    });
    const path = `${V1}/incidents/${i.id}/action-items`;
    const res = await api.http().post(path).set(auth(team.users.member)).send({ projectId: team.projectId });
    expect(res.status).toBe(200);
    expect(res.body.tasks.map((t: { title: string }) => t.title)).toEqual([
      'Add a canary for payments',
      'Contract test for amounts',
    ]);
    expect(res.body.timeline.at(-1)).toMatchObject({ kind: 'tasks' });
    const again = await api
      .http()
      .post(path)
      .set(auth(team.users.member))
      .send({ projectId: team.projectId });
    expect(again.status).toBe(409);
    const foreign = await api
      .http()
      .post(path)
      .set(auth(team.users.member))
      .send({ projectId: team.workspaceId });
    expect(foreign.status).toBe(400);
    expect(
      (await api.http().post(path).set(auth(team.users.viewer)).send({ projectId: team.projectId })).status,
    ).toBe(403);
  });
});
