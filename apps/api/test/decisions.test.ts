import { auth, createTeam, startApi, V1, type TeamFixture, type TestApi } from './harness';
import { expectEachOnceInOrder, expectPagingRefused, firstCursor, tieCreatedAt } from './list-paging';

let api: TestApi;
let team: TeamFixture;
beforeAll(async () => {
  api = await startApi();
  team = await createTeam(api);
});
afterAll(() => api.close());

const record = (body: Record<string, unknown> = {}) =>
  api
    .http()
    .post(`${V1}/workspaces/${team.workspaceId}/decisions`)
    .set(auth(team.users.member))
    .send({
      title: 'Use PostgreSQL for search',
      context: 'We need full-text search',
      decision: 'PostgreSQL tsvector',
      alternatives: [{ title: 'Elasticsearch', pros: 'Powerful', cons: 'Another system to run' }],
      ...body,
    });
const patch = (id: string, body: Record<string, unknown>) =>
  api.http().patch(`${V1}/decisions/${id}`).set(auth(team.users.admin)).send(body);
const get = (id: string) => api.http().get(`${V1}/decisions/${id}`).set(auth(team.users.viewer));

describe('decisions', () => {
  it('records DEC-n with MADR fields, deciders and task links', async () => {
    const res = await record({ deciderIds: [team.users.owner.id], taskIds: [team.taskId] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      key: `DEC-${res.body.number}`,
      status: 'proposed',
      alternatives: [{ title: 'Elasticsearch', pros: 'Powerful', cons: 'Another system to run' }],
      deciders: [{ id: team.users.owner.id }],
      tasks: [{ key: 'CORE-1' }],
      supersedes: null,
      supersededBy: null,
      acceptedAt: null,
    });
    const links = await api.http().get(`${V1}/tasks/${team.taskId}/async-links`).set(auth(team.users.viewer));
    expect(links.body.decisions.map((d: { id: string }) => d.id)).toContain(res.body.id);
  });

  it('is listed on the detail of each task it links (GET /tasks/:taskId), newest first', async () => {
    const task = await api
      .http()
      .post(`${V1}/projects/${team.projectId}/tasks`)
      .set(auth(team.users.member))
      .send({ title: 'Build the search page' });
    const first = (await record({ taskIds: [task.body.id] })).body;
    const second = (await record({ title: 'Rank by recency', taskIds: [team.taskId, task.body.id] })).body;
    await record({ title: 'Unrelated', taskIds: [team.taskId] });
    const detail = await api.http().get(`${V1}/tasks/${task.body.id}`).set(auth(team.users.viewer));
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ id: task.body.id, key: task.body.key });
    expect(detail.body.decisions).toEqual([
      { id: second.id, key: second.key, title: 'Rank by recency', status: 'proposed' },
      { id: first.id, key: first.key, title: first.title, status: 'proposed' },
    ]);
    // A task no decision names reads exactly as the task it was created as.
    const plain = await api
      .http()
      .post(`${V1}/projects/${team.projectId}/tasks`)
      .set(auth(team.users.member))
      .send({ title: 'Nothing decided here' });
    const read = await api.http().get(`${V1}/tasks/${plain.body.id}`).set(auth(team.users.viewer));
    expect(read.body).toEqual(plain.body);
  });

  it('follows proposed → accepted → deprecated and refuses anything else with 409', async () => {
    const d = (await record()).body;
    const accepted = await patch(d.id, { version: 1, status: 'accepted' });
    expect(accepted.body).toMatchObject({ status: 'accepted', acceptedAt: expect.any(String) });
    const back = await patch(d.id, { version: 2, status: 'accepted' });
    expect(back.status).toBe(409);
    expect((await patch(d.id, { version: 2, status: 'rejected' })).status).toBe(409);
    expect((await patch(d.id, { version: 2, status: 'deprecated' })).body.status).toBe('deprecated');
    const rejected = (await record()).body;
    expect((await patch(rejected.id, { version: 1, status: 'rejected' })).body.status).toBe('rejected');
    expect((await patch(rejected.id, { version: 2, status: 'accepted' })).status).toBe(409);
  });

  it('answers a status the state machine refuses (back to proposed, or superseded by PATCH) with 409 and changes nothing', async () => {
    const d = (await record({ status: 'accepted' })).body;
    for (const status of ['proposed', 'superseded']) {
      const res = await patch(d.id, { version: 1, status });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('CONFLICT');
      expect(res.body.error.details.current).toMatchObject({ id: d.id, status: 'accepted', version: 1 });
    }
    expect((await get(d.id)).body).toMatchObject({ status: 'accepted', version: 1, supersededById: null });
    const proposed = (await record()).body;
    expect((await patch(proposed.id, { version: 1, status: 'superseded' })).status).toBe(409);
    expect((await patch(proposed.id, { version: 1, status: 'deprecated' })).status).toBe(409);
  });

  it('supersedes an accepted decision in the same transaction, linking both ways', async () => {
    const old = (await record({ status: 'accepted' })).body;
    const replacement = await record({ title: 'Use Meilisearch', supersedesId: old.id, status: 'accepted' });
    expect(replacement.status).toBe(201);
    expect(replacement.body.supersedes).toMatchObject({ id: old.id, status: 'superseded' });
    const after = await get(old.id);
    expect(after.body).toMatchObject({ status: 'superseded', supersededById: replacement.body.id });
    expect(after.body.supersededBy).toMatchObject({ id: replacement.body.id, key: replacement.body.key });
  });

  it('refuses to supersede a decision that is not accepted (409) and creates nothing', async () => {
    const proposed = (await record()).body;
    const before = await api
      .http()
      .get(`${V1}/workspaces/${team.workspaceId}/decisions`)
      .set(auth(team.users.viewer));
    const res = await record({ title: 'Replacement', supersedesId: proposed.id });
    expect(res.status).toBe(409);
    expect(res.body.error.details.current.status).toBe('proposed');
    const after = await api
      .http()
      .get(`${V1}/workspaces/${team.workspaceId}/decisions`)
      .set(auth(team.users.viewer));
    expect(after.body.items).toHaveLength(before.body.items.length);
    expect((await get(proposed.id)).body.status).toBe('proposed');
  });

  it('lets only one of two racing supersedes of the same decision win', async () => {
    const old = (await record({ status: 'accepted' })).body;
    const results = await Promise.all([
      record({ title: 'Option A', supersedesId: old.id }),
      record({ title: 'Option B', supersedesId: old.id }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const winner = results.find((r) => r.status === 201)!;
    expect((await get(old.id)).body.supersededById).toBe(winner.body.id);
  });

  it('refuses a stale version with 409', async () => {
    const d = (await record()).body;
    await patch(d.id, { version: 1, title: 'Renamed' });
    const stale = await patch(d.id, { version: 1, title: 'Again' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current.title).toBe('Renamed');
  });

  it('finds decisions by status and by text or key', async () => {
    const d = (await record({ title: 'Adopt zebra-striped tables', status: 'accepted' })).body;
    const list = (query: Record<string, string>) =>
      api
        .http()
        .get(`${V1}/workspaces/${team.workspaceId}/decisions`)
        .set(auth(team.users.viewer))
        .query(query);
    expect((await list({ q: 'zebra' })).body.items.map((x: { id: string }) => x.id)).toEqual([d.id]);
    expect((await list({ q: d.key })).body.items.map((x: { id: string }) => x.id)).toEqual([d.id]);
    const accepted = (await list({ status: 'accepted' })).body.items;
    expect(accepted.every((x: { status: string }) => x.status === 'accepted')).toBe(true);
  });

  it("pages the log newest first with ?limit= and ?cursor=, each decision once; another list's cursor is a 400", async () => {
    for (let i = 0; i < 5; i++) await record({ title: `Paged decision ${i}` });
    const path = `${V1}/workspaces/${team.workspaceId}/decisions`;
    const { rows } = await api.deps.pool.query<{ id: string }>(
      'select id from decisions where workspace_id = $1 order by created_at desc, id desc',
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

  it('pages decisions that share a created_at to the microsecond each once, in order', async () => {
    const made: string[] = [];
    for (let i = 0; i < 4; i++) made.push((await record({ title: `Tied decision ${i}` })).body.id);
    const tie = await tieCreatedAt(api, 'decisions', made.slice(0, 3), made[3]!);
    const { rows } = await api.deps.pool.query<{ id: string }>(
      'select id from decisions where workspace_id = $1 order by created_at desc, id desc',
      [team.workspaceId],
    );
    const ids = rows.map((r) => r.id);
    // Dated in the past, the four are the log's oldest: the walk ends with them.
    expect(ids.slice(-4)).toEqual(tie);
    await expectEachOnceInOrder(
      api,
      team.users.viewer,
      `${V1}/workspaces/${team.workspaceId}/decisions`,
      ids,
    );
  });

  it('is found by the workspace search, by words and by key, with incidents too', async () => {
    const d = (await record({ title: 'Adopt quokka-shaped avatars' })).body;
    const incident = await api
      .http()
      .post(`${V1}/workspaces/${team.workspaceId}/incidents`)
      .set(auth(team.users.member))
      .send({ title: 'Quokka avatars fail to load', severity: 'sev4' });
    const search = (q: string) =>
      api.http().get(`${V1}/workspaces/${team.workspaceId}/search`).set(auth(team.users.viewer)).query({ q });
    const hits = (await search('quokka')).body.items as { type: string; id: string }[];
    expect(hits).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'decision', id: d.id, key: d.key }),
        expect.objectContaining({ type: 'incident', id: incident.body.id, key: incident.body.key }),
      ]),
    );
    expect((await search(d.key)).body.items[0]).toMatchObject({ type: 'decision', id: d.id });
  });
});
