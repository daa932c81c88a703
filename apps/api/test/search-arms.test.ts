import { auth, createTeam, startApi, V1, type TeamFixture, type TestApi } from './harness';

// The search finds tasks by three indexed arms (words, title substring, `KEY-n`), comments by two
// (words, body substring), decisions and incidents by three (words, title substring, `DEC-n` /
// `INC-n`); each must still find what the single ORed query found, and none may reach past the
// workspace fence.

let api: TestApi;
let team: TeamFixture;
let other: TeamFixture;
const ids: Record<string, string> = {};

interface Hit {
  type: string;
  id: string;
  projectId: string;
  key: string;
}

async function addComment(fixture: TeamFixture, taskId: string, body: string): Promise<string> {
  const res = await api
    .http()
    .post(`${V1}/tasks/${taskId}/comments`)
    .set(auth(fixture.users.member))
    .send({ body });
  if (res.status !== 201) throw new Error(`comment failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

async function addTask(fixture: TeamFixture, title: string, projectId = fixture.projectId): Promise<string> {
  const res = await api
    .http()
    .post(`${V1}/projects/${projectId}/tasks`)
    .set(auth(fixture.users.member))
    .send({ title });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

beforeAll(async () => {
  api = await startApi();
  [team, other] = await Promise.all([createTeam(api), createTeam(api)]);
  ids.dashboard = await addTask(team, 'Redesign the dashboard widgets'); // CORE-2
  ids.gone = await addTask(team, 'Dashboard of the retired zeppelins'); // CORE-3, deleted below
  await api.http().delete(`${V1}/tasks/${ids.gone}`).set(auth(team.users.member));
  // Same title, same project key (CORE) and numbers in another workspace.
  ids.foreign = await addTask(other, 'Redesign the dashboard widgets'); // their CORE-2
  // A deleted project's tasks are out of reach by key and by substring.
  const old = await api
    .http()
    .post(`${V1}/workspaces/${team.workspaceId}/projects`)
    .set(auth(team.users.owner))
    .send({ name: 'Old', key: 'OLD' });
  ids.oldProject = old.body.id;
  ids.inOldProject = await addTask(team, 'Dashboard from the old days', old.body.id); // OLD-1
  // Comments: found by a word or a part of one; never once deleted, on a deleted task, or elsewhere.
  ids.commented = await addTask(team, 'Ship the release notes');
  ids.comment = await addComment(team, ids.commented, 'The flamingo rollout waits for the **feature flag**.');
  ids.goneComment = await addComment(team, ids.commented, 'The flamingo rollout was cancelled once.');
  await api.http().delete(`${V1}/comments/${ids.goneComment}`).set(auth(team.users.member));
  ids.doomedTask = await addTask(team, 'Plan the launch party');
  await addComment(team, ids.doomedTask, 'Flamingo balloons for the rollout party.');
  await api.http().delete(`${V1}/tasks/${ids.doomedTask}`).set(auth(team.users.member));
  const theirTask = await addTask(other, 'Ship the release notes');
  ids.foreignComment = await addComment(other, theirTask, 'The flamingo rollout waits for the feature flag.');
  // A decision and an incident in each workspace, the same words in both.
  const log = async (fixture: TeamFixture, kind: 'decisions' | 'incidents', body: object) => {
    const res = await api
      .http()
      .post(`${V1}/workspaces/${fixture.workspaceId}/${kind}`)
      .set(auth(fixture.users.member))
      .send(body);
    if (res.status !== 201) throw new Error(`${kind} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; key: string };
  };
  const decision = {
    title: 'Adopt hexagonal storage adapters',
    context: 'Vendors keep changing their archival tiers.',
    decision: 'Wrap every bucket behind one port.',
  };
  const incident = {
    title: 'Archival tier throttled uploads',
    severity: 'sev3',
    summary: 'Uploads queued for minutes.',
  };
  const [myDecision, theirDecision, myIncident, theirIncident] = await Promise.all([
    log(team, 'decisions', decision),
    log(other, 'decisions', decision),
    log(team, 'incidents', incident),
    log(other, 'incidents', incident),
  ]);
  Object.assign(ids, {
    decision: myDecision.id,
    decisionKey: myDecision.key,
    foreignDecision: theirDecision.id,
    incident: myIncident.id,
    incidentKey: myIncident.key,
    foreignIncident: theirIncident.id,
  });
  const deleted = await api.http().delete(`${V1}/projects/${old.body.id}`).set(auth(team.users.owner));
  if (deleted.status !== 204) throw new Error(`project delete failed: ${deleted.status}`);
});
afterAll(() => api.close());

async function hits(q: string, fixture = team, user = fixture.users.viewer): Promise<Hit[]> {
  const res = await api
    .http()
    .get(`${V1}/workspaces/${fixture.workspaceId}/search`)
    .query({ q })
    .set(auth(user));
  expect(res.status).toBe(200);
  return res.body.items;
}

describe('task search arms', () => {
  it('finds a task by a part of a word of its title that is no word itself', async () => {
    for (const q of ['dashb', 'ASHBOA', 'board wid', 'design the d']) {
      const items = await hits(q);
      expect(items.map((h) => [h.type, h.id, h.key])).toEqual([['task', ids.dashboard, 'CORE-2']]);
    }
  });

  it('finds a task by its key in any case, ranked first, next to the tasks whose words match', async () => {
    for (const q of ['CORE-2', 'core-2', 'Core-2']) {
      const items = await hits(q);
      expect(items[0]).toEqual(expect.objectContaining({ type: 'task', id: ids.dashboard, key: 'CORE-2' }));
    }
    expect((await hits('CORE-02')).map((h) => h.id)).not.toContain(ids.dashboard);
    expect(await hits('CORE-3')).toEqual([]); // deleted task
    expect(await hits('OLD-1')).toEqual([]); // task of a deleted project
  });

  it('keeps the workspace fence on every arm: the other workspace finds only its own task', async () => {
    for (const q of ['dashb', 'core-2', 'dashboard widgets']) {
      const mine = await hits(q);
      expect(mine.map((h) => h.id)).not.toContain(ids.foreign);
      for (const h of mine) expect(h.projectId).toBe(team.projectId);
      const theirs = await hits(q, other);
      expect(theirs.map((h) => h.id)).toEqual([ids.foreign]);
    }
    expect((await hits('zeppelins')).map((h) => h.id)).toEqual([]);
    expect((await hits('old days')).map((h) => h.id)).toEqual([]);
  });

  it('hides the workspace from a stranger, whatever the query', async () => {
    for (const q of ['dashb', 'CORE-2']) {
      const res = await api
        .http()
        .get(`${V1}/workspaces/${team.workspaceId}/search`)
        .query({ q })
        .set(auth(team.users.stranger));
      expect(res.status).toBe(404);
    }
  });
});

describe('comment search arms', () => {
  const commentHits = async (q: string, fixture = team) =>
    (await hits(q, fixture)).filter((h) => h.type === 'comment').map((h) => h.id);

  it('finds a comment by a word, by a part of a word and across words, pointing at its task', async () => {
    // "rollouts" by its stem; "flamingo", "lamin" and "ature fl" only as text in the body.
    for (const q of ['rollouts', 'flamingo', 'LAMIN', 'ature fl'])
      expect(await commentHits(q)).toEqual([ids.comment]);
    const [hit] = (await hits('flamingo')).filter((h) => h.type === 'comment');
    expect(hit).toEqual(
      expect.objectContaining({ id: ids.comment, key: 'CORE-4', projectId: team.projectId }),
    );
  });

  it('never finds a deleted comment, a comment on a deleted task, or one in another workspace', async () => {
    expect(await commentHits('cancelled')).toEqual([]);
    expect(await commentHits('balloons')).toEqual([]);
    expect(await commentHits('party')).toEqual([]);
    expect(await commentHits('flaming', other)).toEqual([ids.foreignComment]);
  });
});

describe('decision and incident search arms', () => {
  const ofKind = async (kind: string, q: string, fixture = team) =>
    (await hits(q, fixture)).filter((h) => h.type === kind).map((h) => h.id);

  it('finds a decision by a word of its text, a part of its title, and its key in any case', async () => {
    for (const q of ['vendors', 'buckets', 'hexagon', 'ORAGE ADAP'])
      expect(await ofKind('decision', q)).toEqual([ids.decision]);
    for (const q of [ids.decisionKey!, ids.decisionKey!.toLowerCase()])
      expect((await hits(q))[0]).toEqual(expect.objectContaining({ type: 'decision', id: ids.decision }));
    expect(await ofKind('decision', ids.decisionKey!.replace('-', '-0'))).toEqual([]);
  });

  it('finds an incident by a word of its summary, a part of its title, and its key in any case', async () => {
    for (const q of ['queued', 'throttling', 'rchival ti'])
      expect(await ofKind('incident', q)).toEqual([ids.incident]);
    for (const q of [ids.incidentKey!, ids.incidentKey!.toLowerCase()])
      expect((await hits(q))[0]).toEqual(expect.objectContaining({ type: 'incident', id: ids.incident }));
  });

  it('keeps each workspace to its own decisions and incidents on every arm', async () => {
    for (const q of ['vendors', 'hexagon', ids.decisionKey!]) {
      expect(await ofKind('decision', q)).toEqual([ids.decision]);
      expect(await ofKind('decision', q, other)).toEqual([ids.foreignDecision]);
    }
    for (const q of ['queued', 'rchival ti', ids.incidentKey!]) {
      expect(await ofKind('incident', q)).toEqual([ids.incident]);
      expect(await ofKind('incident', q, other)).toEqual([ids.foreignIncident]);
    }
  });
});
