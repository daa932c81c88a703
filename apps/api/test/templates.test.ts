import { localDateLabels, todayIn } from '@teamflow/core/platform/local-dates';
import {
  auth,
  createTeam,
  startApi,
  V1,
  whileTaskInsertFails,
  type TeamFixture,
  type TestApi,
  type TestUser,
} from './harness';

let api: TestApi;
let team: TeamFixture;
beforeAll(async () => {
  api = await startApi();
  team = await createTeam(api);
});
afterAll(() => api.close());

type Body = Record<string, unknown>;
const member = () => team.users.member;

const post = (path: string, body: Body, by: TestUser = member()) =>
  api.http().post(`${V1}${path}`).set(auth(by)).send(body);
const get = (path: string, by: TestUser = member()) => api.http().get(`${V1}${path}`).set(auth(by));

async function projectTemplate(body: Body = {}) {
  const res = await post(`/projects/${team.projectId}/templates`, {
    name: 'Weekly review',
    titlePattern: 'Review {{week}} ({{weekday}})',
    ...body,
  });
  expect(res.status).toBe(201);
  return res.body as Body & { id: string; version: number };
}

describe('task templates', () => {
  it('fills the placeholders in the workspace zone when a task is made from a template', async () => {
    // UTC+14: for ten hours of every UTC day its date is already tomorrow's.
    const zone = 'Pacific/Kiritimati';
    const ws = await api
      .http()
      .patch(`${V1}/workspaces/${team.workspaceId}`)
      .set(auth(team.users.owner))
      .send({ timeZone: zone });
    expect(ws.status).toBe(200);
    const template = await projectTemplate({
      titlePattern: 'Standup {{date}} {{unknown}}',
      description: '## {{weekday}}, {{month}} ({{week}}, {{year}}) in {{ project }}',
      priority: 'high',
      storyPoints: 3,
      assigneeIds: [member().id],
      subtasks: ['Collect notes for {{date}}', 'Share summary'],
    });
    const res = await post(`/projects/${team.projectId}/tasks`, { templateId: template.id });
    expect(res.status).toBe(201);
    const today = todayIn(zone);
    const labels = localDateLabels(today);
    expect(res.body).toMatchObject({
      title: `Standup ${today} {{unknown}}`,
      description: `## ${labels.weekday}, ${labels.month} (${labels.week}, ${labels.year}) in Core`,
      priority: 'high',
      storyPoints: 3,
      assigneeIds: [member().id],
    });
    const subtasks = await get(`/projects/${team.projectId}/tasks?parentId=${res.body.id}`);
    expect(subtasks.status).toBe(200);
    expect(subtasks.body.items.map((t: Body) => t.title).sort()).toEqual(
      [`Collect notes for ${today}`, 'Share summary'].sort(),
    );
  });

  it('lets the body override what the template gives', async () => {
    const template = await projectTemplate({ priority: 'low' });
    const res = await post(`/projects/${team.projectId}/tasks`, {
      templateId: template.id,
      title: 'My own title',
      priority: 'critical',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ title: 'My own title', priority: 'critical' });
  });

  it('offers workspace templates in every project and keeps project templates to their project', async () => {
    const wsTemplate = await post(`/workspaces/${team.workspaceId}/templates`, {
      name: 'Bug report',
      titlePattern: 'Bug: {{date}}',
    });
    expect(wsTemplate.status).toBe(201);
    expect(wsTemplate.body.projectId).toBeNull();
    const own = await projectTemplate({ name: 'Only in Core' });
    const other = await post(
      `/workspaces/${team.workspaceId}/projects`,
      { name: 'Other', key: 'OTH' },
      team.users.owner,
    );
    expect(other.status).toBe(201);

    const inOther = await get(`/projects/${other.body.id}/templates`);
    const ids = inOther.body.items.map((t: Body) => t.id);
    expect(ids).toContain(wsTemplate.body.id);
    expect(ids).not.toContain(own.id);
    const fromWs = await post(`/projects/${other.body.id}/tasks`, { templateId: wsTemplate.body.id });
    expect(fromWs.status).toBe(201);
    const foreign = await post(`/projects/${other.body.id}/tasks`, { templateId: own.id });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.details).toEqual([{ field: 'templateId', message: expect.any(String) }]);
  });

  it('asks for a title or a template', async () => {
    const res = await post(`/projects/${team.projectId}/tasks`, { priority: 'low' });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('title');
  });

  it('lets owner, admin and member create templates and the viewer only read them', async () => {
    for (const role of ['owner', 'admin', 'member'] as const) {
      const res = await post(
        `/projects/${team.projectId}/templates`,
        { name: `By ${role}`, titlePattern: 'Task by template' },
        team.users[role],
      );
      expect(res.status).toBe(201);
    }
    const denied = await post(
      `/projects/${team.projectId}/templates`,
      { name: 'Viewer', titlePattern: 'Nope nope' },
      team.users.viewer,
    );
    expect(denied.status).toBe(403);
    const read = await get(`/projects/${team.projectId}/templates`, team.users.viewer);
    expect(read.status).toBe(200);
    const stranger = await get(`/projects/${team.projectId}/templates`, team.users.stranger);
    expect(stranger.status).toBe(404);
  });

  it('answers a stale template update with 409 and the current template', async () => {
    const template = await projectTemplate();
    const first = await api
      .http()
      .patch(`${V1}/templates/${template.id}`)
      .set(auth(member()))
      .send({ version: template.version, name: 'First' });
    expect(first.status).toBe(200);
    const stale = await api
      .http()
      .patch(`${V1}/templates/${template.id}`)
      .set(auth(member()))
      .send({ version: template.version, name: 'Second' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ name: 'First', version: template.version + 1 });
  });

  it('makes none of the tasks when a later sub-task renders to a title the task rules refuse', async () => {
    // A two-letter project name is allowed, but `{{project}}` alone then renders a title under 3 characters.
    const project = await post(
      `/workspaces/${team.workspaceId}/projects`,
      { name: 'QA', key: 'QAX' },
      team.users.owner,
    );
    expect(project.status).toBe(201);
    const template = await post(`/projects/${project.body.id}/templates`, {
      name: 'Release check',
      titlePattern: 'Release check {{date}}',
      labelIds: [],
      subtasks: ['Collect notes', 'Share summary', '{{project}}'],
    });
    expect(template.status).toBe(201);
    const res = await post(`/projects/${project.body.id}/tasks`, { templateId: template.body.id });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(res.body.error.details).toEqual([{ field: 'subtasks.2.title', message: expect.any(String) }]);
    const tasks = await get(`/projects/${project.body.id}/tasks`);
    expect(tasks.body.items).toEqual([]);
    // No number was used up either: the next task is the project's first.
    const plain = await post(`/projects/${project.body.id}/tasks`, { title: 'Plain task' });
    expect(plain.body.key).toBe('QAX-1');
  });

  it('makes none of the tasks when the third one fails to insert', async () => {
    const project = await post(
      `/workspaces/${team.workspaceId}/projects`,
      { name: 'Atomic', key: 'ATOM' },
      team.users.owner,
    );
    const template = await post(`/projects/${project.body.id}/templates`, {
      name: 'Onboarding',
      titlePattern: 'Onboard a newcomer',
      assigneeIds: [member().id],
      subtasks: ['Create the accounts', 'Boom sub-task', 'Book the welcome lunch'],
    });
    expect(template.status).toBe(201);
    // A real database failure on the third insert.
    const res = await whileTaskInsertFails(api, 'Boom sub-task', () =>
      post(`/projects/${project.body.id}/tasks`, { templateId: template.body.id }),
    );
    expect(res.status).toBe(500);
    const tasks = await get(`/projects/${project.body.id}/tasks`);
    expect(tasks.body.items).toEqual([]);
    const made = await post(`/projects/${project.body.id}/tasks`, { templateId: template.body.id });
    expect(made.status).toBe(201);
    // The failed attempt's numbers are skipped (a sequence does not roll back: creates never wait
    // for each other), so this one is numbered after them, and its tasks in the template's order.
    const n = made.body.number as number;
    expect(n).toBeGreaterThan(1);
    expect(made.body.key).toBe(`ATOM-${n}`);
    const subtasks = await get(`/projects/${project.body.id}/tasks?parentId=${made.body.id}&sort=createdAt`);
    expect(subtasks.body.items.map((t: Body) => `${t.key} ${t.title}`)).toEqual([
      `ATOM-${n + 1} Create the accounts`,
      `ATOM-${n + 2} Boom sub-task`,
      `ATOM-${n + 3} Book the welcome lunch`,
    ]);
  });

  it("fills the placeholders in the project's own zone when it has one", async () => {
    // UTC+14 and UTC−11 are 25 hours apart: their dates differ at every instant.
    await api
      .http()
      .patch(`${V1}/workspaces/${team.workspaceId}`)
      .set(auth(team.users.owner))
      .send({ timeZone: 'Pacific/Kiritimati' })
      .expect(200);
    const project = await post(
      `/workspaces/${team.workspaceId}/projects`,
      { name: 'Samoa desk', key: 'SAM' },
      team.users.owner,
    );
    const zoned = await api
      .http()
      .patch(`${V1}/projects/${project.body.id}`)
      .set(auth(team.users.owner))
      .send({ version: project.body.version, timeZone: 'Pacific/Pago_Pago' });
    expect(zoned.status).toBe(200);
    expect(zoned.body.timeZone).toBe('Pacific/Pago_Pago');
    const template = await post(`/projects/${project.body.id}/templates`, {
      name: 'Daily',
      titlePattern: 'Day {{date}}',
    });
    const res = await post(`/projects/${project.body.id}/tasks`, { templateId: template.body.id });
    expect(res.status).toBe(201);
    expect(res.body.title).toBe(`Day ${todayIn('Pacific/Pago_Pago')}`);
    expect(res.body.title).not.toBe(`Day ${todayIn('Pacific/Kiritimati')}`);
  });

  it('refuses labels and assignees from outside the workspace', async () => {
    const res = await post(`/projects/${team.projectId}/templates`, {
      name: 'Foreign',
      titlePattern: 'Foreign refs',
      assigneeIds: [team.users.stranger.id],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('assigneeIds');
  });
});
