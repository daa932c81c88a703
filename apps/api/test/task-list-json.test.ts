import { sql } from 'drizzle-orm';
import { TaskPage, TaskSort } from '@teamflow/contracts/tasks';
import { listTaskJson } from '@teamflow/core/tasks/tasks.repository';
import { auth, createTeam, startApi, V1, type TeamFixture, type TestApi } from './harness';

// The board's list is serialised by PostgreSQL (tasks.repository.ts#taskJson) while every other
// task answer goes through toTask in JavaScript. These tests hold the two to the same bytes' meaning:
// a task listed must be exactly the task fetched on its own.

let api: TestApi;
let team: TeamFixture;
beforeAll(async () => {
  api = await startApi();
  team = await createTeam(api);
});
afterAll(() => api.close());

const owner = () => auth(team.users.owner);

async function post(path: string, body: Record<string, unknown>) {
  const res = await api.http().post(`${V1}${path}`).set(owner()).send(body);
  if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

test('every field of a listed task equals the task fetched on its own, set or unset, after edits', async () => {
  const project = await post(`/workspaces/${team.workspaceId}/projects`, { name: 'Json', key: 'JSN' });
  const [bug, ui] = await Promise.all([
    post(`/workspaces/${team.workspaceId}/labels`, { name: 'bug', color: '#ff0000' }),
    post(`/workspaces/${team.workspaceId}/labels`, { name: 'ui', color: '#00ff00' }),
  ]);
  const sprint = await post(`/projects/${project.id}/sprints`, { name: 'Sprint 1' });
  const bare = await post(`/projects/${project.id}/tasks`, { title: 'Bare' });
  const full = await post(`/projects/${project.id}/tasks`, {
    title: 'Quotes " and \\ backslash, tab\tand ünïcødé — 🚀 </script>',
    description: '# Heading\n\n- [ ] one "quoted"\n- [x] two \\ back\n\n```js\nconst a = 1;\n```\n\n日本語 ✓',
    status: 'in_review',
    priority: 'critical',
    storyPoints: 8,
    dueDate: '2027-02-28',
    assigneeIds: [team.users.member.id, team.users.admin.id],
    labelIds: [ui.id, bug.id],
    parentId: bare.id,
    sprintId: sprint.id,
  });
  // Done sets completedAt; a move between two cards gives a fractional position.
  const done = await api
    .http()
    .patch(`${V1}/tasks/${bare.id}`)
    .set(owner())
    .send({ version: bare.version, status: 'done' });
  expect(done.status).toBe(200);
  // Positions are doubles: one that JavaScript and PostgreSQL must both write to the last digit.
  const third = await post(`/projects/${project.id}/tasks`, { title: 'Third', status: 'in_review' });
  await api.deps.db.execute(sql`update tasks set position = ${1 / 3} where id = ${third.id}`);
  const res = await api.http().get(`${V1}/projects/${project.id}/tasks?limit=100`).set(owner());
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(TaskPage.safeParse(res.body).success).toBe(true);
  expect(res.body.items).toHaveLength(3);
  expect(res.body.items.find((t: { id: string }) => t.id === third.id).position).toBe(1 / 3);

  for (const listed of res.body.items) {
    const alone = await api.http().get(`${V1}/tasks/${listed.id}`).set(owner());
    expect(alone.status).toBe(200);
    // Same keys in the same order, same values (toStrictEqual would pass with another order).
    expect(Object.keys(listed)).toEqual(Object.keys(alone.body));
    expect(listed).toStrictEqual(alone.body);
  }
  const fullListed = res.body.items.find((t: { id: string }) => t.id === full.id);
  expect([...fullListed.labelIds].sort()).toEqual([ui.id, bug.id].sort());
  expect(fullListed.assigneeIds).toHaveLength(2);
  expect(fullListed.completedAt).toBeNull();
  const bareListed = res.body.items.find((t: { id: string }) => t.id === bare.id);
  expect(bareListed.completedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
});

test('timestamps are written in UTC with milliseconds whatever time zone the database session is in', async () => {
  const project = await post(`/workspaces/${team.workspaceId}/projects`, { name: 'Zones', key: 'ZON' });
  const task = await post(`/projects/${project.id}/tasks`, { title: 'Zoned' });
  const rows = await api.deps.db.transaction(async (tx) => {
    await tx.execute(sql`set local time zone 'Asia/Kathmandu'`);
    return listTaskJson(tx, { projectId: project.id }, 'position', 10);
  });
  expect(rows).toHaveLength(1);
  const listed = JSON.parse(rows[0]!.json);
  expect(listed.createdAt).toBe(task.createdAt);
  expect(listed.updatedAt).toBe(task.updatedAt);
  expect(listed.createdAt.endsWith('Z')).toBe(true);
});

test('a page cursor built from the database row continues exactly where the page ended, for every sort', async () => {
  const project = await post(`/workspaces/${team.workspaceId}/projects`, { name: 'Pages', key: 'PGS' });
  for (let i = 0; i < 5; i++)
    await post(`/projects/${project.id}/tasks`, {
      title: `Page ${i}`,
      dueDate: i % 2 ? '2027-01-0' + (i + 1) : undefined,
      priority: ['low', 'high', 'medium', 'critical', 'low'][i],
    });
  for (const sort of TaskSort.options) {
    const all = await api
      .http()
      .get(`${V1}/projects/${project.id}/tasks?limit=100&sort=${sort}`)
      .set(owner());
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const qs: string = `limit=2&sort=${sort}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await api.http().get(`${V1}/projects/${project.id}/tasks?${qs}`).set(owner());
      expect(page.status).toBe(200);
      ids.push(...page.body.items.map((t: { id: string }) => t.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(ids).toEqual(all.body.items.map((t: { id: string }) => t.id));
    expect(ids).toHaveLength(5);
  }
});
