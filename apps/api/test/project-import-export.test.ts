import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from '@teamflow/contracts/project-import-export';
import {
  auth,
  createTeam,
  lastTaskNumber,
  startApi,
  V1,
  type TeamFixture,
  type TestApi,
  type TestUser,
} from './harness';

/**
 * Import and export of a project's tasks (API.md, "Files, webhooks and integrations"): the real
 * multipart wire, the repo's Jira, Linear and Trello fixtures, and the database read back.
 */

const FIXTURES = join(__dirname, '..', '..', '..', 'packages', 'core', 'testing', 'import-fixtures');

let api: TestApi;
let team: TeamFixture;
beforeAll(async () => {
  api = await startApi();
  team = await createTeam(api);
});
afterAll(() => api.close());

/** A fixture with its people replaced by the team's: Ana is the member, Ben the admin. */
function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8')
    .replaceAll('ana.lopez@example.com', team.users.member.email)
    .replaceAll('ben.okafor@example.com', team.users.admin.email);
}

async function newProject(): Promise<{ id: string; key: string }> {
  const key = `I${
    randomUUID()
      .replace(/[^a-f]/g, '')
      .slice(0, 5)
      .toUpperCase() || 'X'
  }${Math.floor(Math.random() * 1000)}`;
  const res = await api
    .http()
    .post(`${V1}/workspaces/${team.workspaceId}/projects`)
    .set(auth(team.users.owner))
    .send({ name: `Import ${key}`, key });
  expect(res.status).toBe(201);
  return { id: res.body.id, key: res.body.key };
}

function importFile(
  projectId: string,
  content: string,
  name: string,
  options: { dryRun?: boolean; mapping?: unknown; user?: TestUser } = {},
) {
  const req = api
    .http()
    .post(`${V1}/projects/${projectId}/import${options.dryRun ? '?dryRun=true' : ''}`)
    .set(auth(options.user ?? team.users.member));
  if (options.mapping !== undefined)
    req.field(
      'mapping',
      typeof options.mapping === 'string' ? options.mapping : JSON.stringify(options.mapping),
    );
  return req.attach('file', Buffer.from(content), name);
}

type TaskRow = {
  number: number;
  title: string;
  status: string;
  priority: string;
  story_points: number | null;
  due_date: string | null;
  description: string | null;
  parent_title: string | null;
  assignees: string[];
  labels: string[];
};

/** The project's tasks as stored, in number order, with their people (emails) and label names. */
async function storedTasks(projectId: string): Promise<TaskRow[]> {
  const result = await api.deps.db.execute<TaskRow>(sql`
    select t.number, t.title, t.status, t.priority, t.story_points, to_char(t.due_date, 'YYYY-MM-DD') as due_date,
           t.description, p.title as parent_title,
           array(select u.email from task_assignees a join users u on u.id = a.user_id where a.task_id = t.id order by u.email) as assignees,
           array(select l.name from task_labels x join labels l on l.id = x.label_id where x.task_id = t.id order by l.name) as labels
    from tasks t left join tasks p on p.id = t.parent_id
    where t.project_id = ${projectId} order by t.number`);
  return result.rows;
}

async function outboxTypes(projectId: string): Promise<string[]> {
  const r = await api.deps.db.execute<{ type: string }>(sql`
    select o.type from outbox o
    where o.payload->'data'->>'projectId' = ${projectId} or o.entity_id = ${projectId} order by o.id`);
  return r.rows.map((row) => row.type);
}

const byTitle = (tasks: TaskRow[], title: string) => tasks.find((t) => t.title === title)!;

describe('POST /projects/:projectId/import — Jira CSV', () => {
  it('dry run detects Jira, maps its columns and statuses, lists unknown people, and writes nothing', async () => {
    const project = await newProject();
    const res = await importFile(project.id, fixture('jira.csv'), 'jira-export.csv', { dryRun: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rows: 5, valid: 5, errors: [] });
    expect(res.body.mapping.source).toBe('jira');
    expect(res.body.mapping.columns).toMatchObject({
      Summary: 'title',
      'Issue key': 'key',
      'Issue id': 'key',
      'Parent id': 'parentKey',
      Status: 'status',
      Priority: 'priority',
      Assignee: 'assignee',
      Labels: 'labels',
      'Due Date': 'dueDate',
      Description: 'description',
      'Custom field (Story point estimate)': 'storyPoints',
      Reporter: 'ignore',
    });
    expect(res.body.mapping.statuses).toEqual({
      'In Progress': 'in_progress',
      'To Do': 'todo',
      Done: 'done',
      'Selected for Development': 'todo',
      'Code Review': 'in_review',
    });
    expect(res.body.mapping.priorities).toMatchObject({ Highest: 'critical', High: 'high', Low: 'low' });
    expect(res.body.unknownPeople).toEqual(['dana.whitfield@contractor.example']);
    expect(await storedTasks(project.id)).toEqual([]);
    expect(await lastTaskNumber(api, project.id)).toBe(0);
    expect(await outboxTypes(project.id)).not.toContain('PROJECT_IMPORTED');
  });

  it('commit creates every task with its fields, people, labels and parent, numbered 1..n, with one PROJECT_IMPORTED event', async () => {
    const project = await newProject();
    const res = await importFile(project.id, fixture('jira.csv'), 'jira-export.csv');
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ created: 5 });
    const tasks = await storedTasks(project.id);
    expect(tasks.map((t) => t.number)).toEqual([1, 2, 3, 4, 5]);
    expect(byTitle(tasks, 'Set up CI pipeline for the mobile app')).toMatchObject({
      status: 'in_progress',
      priority: 'high',
      story_points: 5,
      due_date: '2025-02-21',
      assignees: [team.users.member.email],
      labels: ['ci', 'mobile'],
      parent_title: null,
    });
    expect(byTitle(tasks, 'Add Android build job')).toMatchObject({
      status: 'todo',
      parent_title: 'Set up CI pipeline for the mobile app',
      assignees: [team.users.admin.email],
    });
    expect(byTitle(tasks, 'Crash when rotating the login screen')).toMatchObject({
      status: 'done',
      priority: 'critical',
    });
    // A person who is not a member leaves the task unassigned.
    expect(byTitle(tasks, 'Spike: offline sync options')).toMatchObject({
      status: 'in_review',
      assignees: [],
    });
    expect(await lastTaskNumber(api, project.id)).toBe(5);
    const types = await outboxTypes(project.id);
    expect(types.filter((t) => t === 'PROJECT_IMPORTED')).toHaveLength(1);
    expect(types).not.toContain('TASK_CREATED');
    // The board reads them like any task.
    const board = await api.http().get(`${V1}/projects/${project.id}/tasks`).set(auth(team.users.viewer));
    expect(board.body.items.map((t: { key: string }) => t.key)).toEqual(
      expect.arrayContaining([`${project.key}-1`, `${project.key}-5`]),
    );
  });
});

describe('POST /projects/:projectId/import — Linear and Trello', () => {
  it('imports a Linear CSV: statuses, urgent priority, estimate 0 as none, comma-separated labels, parent issue', async () => {
    const project = await newProject();
    const dry = await importFile(project.id, fixture('linear.csv'), 'linear.csv', { dryRun: true });
    expect(dry.body.mapping.source).toBe('linear');
    expect(dry.body.mapping.columns).toMatchObject({
      ID: 'key',
      Title: 'title',
      Estimate: 'storyPoints',
      'Parent issue': 'parentKey',
    });
    const res = await importFile(project.id, fixture('linear.csv'), 'linear.csv');
    expect(res.status).toBe(201);
    const tasks = await storedTasks(project.id);
    expect(byTitle(tasks, 'Rate limit the public API')).toMatchObject({
      status: 'in_progress',
      priority: 'high',
      story_points: 3,
      due_date: '2025-03-21',
      labels: ['API', 'Backend'],
      assignees: [team.users.member.email],
    });
    expect(byTitle(tasks, 'Document the rate limits')).toMatchObject({
      status: 'todo',
      parent_title: 'Rate limit the public API',
    });
    expect(byTitle(tasks, 'Retry failed webhooks with backoff')).toMatchObject({
      status: 'todo',
      priority: 'medium',
      story_points: null,
    });
    expect(byTitle(tasks, 'Drop the v1 endpoints')).toMatchObject({
      status: 'archived',
      priority: 'critical',
    });
  });

  it('imports a Trello board JSON: lists as statuses, archived cards archived, checklists in the description, members unknown', async () => {
    const project = await newProject();
    const dry = await importFile(project.id, fixture('trello.json'), 'board.json', { dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ rows: 4, valid: 4, errors: [] });
    expect(dry.body.mapping.source).toBe('trello');
    expect(dry.body.mapping.statuses).toEqual({
      Backlog: 'todo',
      Doing: 'in_progress',
      Done: 'done',
      Archived: 'archived',
    });
    expect(dry.body.unknownPeople.sort()).toEqual(['Ana Lopez', 'Ben Okafor']);
    const res = await importFile(project.id, fixture('trello.json'), 'board.json');
    expect(res.status).toBe(201);
    const tasks = await storedTasks(project.id);
    const about = byTitle(tasks, 'Write the new About page');
    expect(about).toMatchObject({ status: 'todo', due_date: '2025-04-04', labels: ['Content'] });
    expect(about.description).toContain('- [x] Mission');
    expect(about.description).toContain('- [ ] Team photos');
    expect(byTitle(tasks, 'Fix broken links in the footer')).toMatchObject({
      status: 'in_progress',
      labels: ['Bug', 'purple'],
    });
    expect(byTitle(tasks, 'Old hero carousel').status).toBe('archived');
  });

  it('refuses a JSON file that is not a Trello export with 400 and a clear message', async () => {
    const project = await newProject();
    const res = await importFile(project.id, fixture('not-trello.json'), 'package.json');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(res.body.error.message).toMatch(/not a Trello board export/);
    expect(await lastTaskNumber(api, project.id)).toBe(0);
  });
});

describe('POST /projects/:projectId/import — bad rows and mapping', () => {
  const BAD = [
    'Summary,Issue key,Status,Priority,Due Date,Custom field (Story points)',
    'A good task,X-1,To Do,High,2025-05-01,3',
    'No,X-2,To Do,High,,',
    'Bad date,X-3,To Do,Medium,31/Foo/25,',
    'Too many points,X-4,Done,Low,,40',
    'Weird status,X-5,Waiting for QA,Medium,,',
  ].join('\n');

  it('dry run reports every bad row by row and field', async () => {
    const project = await newProject();
    const res = await importFile(project.id, BAD, 'bad.csv', { dryRun: true });
    expect(res.status).toBe(200);
    expect(res.body.rows).toBe(5);
    expect(res.body.valid).toBe(1);
    expect(res.body.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [2, 'title'],
      [3, 'dueDate'],
      [4, 'storyPoints'],
      [5, 'status'],
    ]);
    expect(res.body.mapping.statuses['Waiting for QA']).toBeNull();
  });

  it('commit with a bad row answers 422 VALIDATION_ERROR with the same errors and writes nothing', async () => {
    const project = await newProject();
    const labelsBefore = await api
      .http()
      .get(`${V1}/workspaces/${team.workspaceId}/labels`)
      .set(auth(team.users.member));
    const csv = [
      'Summary,Status,Labels,Due Date',
      `A good task,To Do,label-${randomUUID().slice(0, 8)},`,
      'No,To Do,,',
      'Bad date,To Do,,31/Foo/25',
    ].join('\n');
    const res = await importFile(project.id, csv, 'bad.csv');
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(res.body.error.details.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [2, 'title'],
      [3, 'dueDate'],
    ]);
    expect(await storedTasks(project.id)).toEqual([]);
    expect(await lastTaskNumber(api, project.id)).toBe(0);
    const labelsAfter = await api
      .http()
      .get(`${V1}/workspaces/${team.workspaceId}/labels`)
      .set(auth(team.users.member));
    expect(labelsAfter.body.items).toHaveLength(labelsBefore.body.items.length);
  });

  it('a cell the database cannot store (a NUL) is a row error in the dry run, and the commit is 422 with it, writing nothing', async () => {
    const project = await newProject();
    const csv = [
      'Summary,Status,Labels',
      'Nul\u0000 title,To Do,',
      'Nul label,To Do,a\u0000b',
      'A fine task,To Do,',
    ].join('\n');
    const dry = await importFile(project.id, csv, 'nul.csv', { dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [1, 'title'],
      [2, 'labels'],
    ]);
    const res = await importFile(project.id, csv, 'nul.csv');
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual(dry.body.errors);
    expect(await storedTasks(project.id)).toEqual([]);
    expect(await lastTaskNumber(api, project.id)).toBe(0);
  });

  it('uses the status table the user edited, and column overrides', async () => {
    const project = await newProject();
    const csv = [
      'Summary,Status,Issue Type',
      'Check the invoices,Waiting for QA,Bug',
      'Send the newsletter,Shipped,Task',
    ].join('\n');
    const mapping = {
      statuses: { 'Waiting for QA': 'in_review', Shipped: 'archived' },
      columns: { 'Issue Type': 'labels' },
    };
    const dry = await importFile(project.id, csv, 'custom.csv', { dryRun: true, mapping });
    expect(dry.body).toMatchObject({ valid: 2, errors: [] });
    expect(dry.body.mapping.statuses).toEqual({ 'Waiting for QA': 'in_review', Shipped: 'archived' });
    expect(dry.body.mapping.columns['Issue Type']).toBe('labels');
    expect((await importFile(project.id, csv, 'custom.csv', { mapping })).status).toBe(201);
    const tasks = await storedTasks(project.id);
    expect(byTitle(tasks, 'Check the invoices')).toMatchObject({ status: 'in_review', labels: ['Bug'] });
    expect(byTitle(tasks, 'Send the newsletter')).toMatchObject({ status: 'archived', labels: ['Task'] });
  });

  it('writes a sub-task that comes before its parent in the file under that parent', async () => {
    const project = await newProject();
    const csv = ['Summary,Issue key,Parent id', 'The child,C-2,C-1', 'The parent,C-1,'].join('\n');
    expect((await importFile(project.id, csv, 'order.csv')).status).toBe(201);
    const tasks = await storedTasks(project.id);
    expect(tasks.map((t) => [t.number, t.title, t.parent_title])).toEqual([
      [1, 'The child', 'The parent'],
      [2, 'The parent', null],
    ]);
  });

  it('a file with no title column is one error on the mapping, not a 500', async () => {
    const project = await newProject();
    const res = await importFile(project.id, 'Foo,Bar\n1,2\n', 'odd.csv', { dryRun: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rows: 1, valid: 0 });
    expect(res.body.errors).toEqual([{ row: 0, field: 'title', message: 'Map a column to the title' }]);
  });

  it('refuses a mapping that is not JSON, or names an unknown field, with 400', async () => {
    const project = await newProject();
    const notJson = await importFile(project.id, fixture('jira.csv'), 'j.csv', {
      dryRun: true,
      mapping: '{nope',
    });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.details).toEqual([{ field: 'mapping', message: 'The mapping must be JSON' }]);
    const unknown = await importFile(project.id, fixture('jira.csv'), 'j.csv', {
      dryRun: true,
      mapping: { columns: { Summary: 'headline' } },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('VALIDATION_ERROR');
  });

  it(`refuses more than ${IMPORT_MAX_ROWS.toLocaleString('en')} rows with 413 in the one error shape, writing nothing`, async () => {
    const project = await newProject();
    const rows = Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => `Task number ${i}`);
    const res = await importFile(project.id, ['Title', ...rows].join('\n'), 'big.csv');
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await lastTaskNumber(api, project.id)).toBe(0);
  });

  it('refuses a CSV that cannot be parsed (an unclosed quote) with 400 naming the file', async () => {
    const project = await newProject();
    const res = await importFile(project.id, 'Summary,Status\n"Never closed,To Do\n', 'broken.csv', {
      dryRun: true,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(res.body.error.message).toMatch(/^The CSV could not be read/);
    expect(res.body.error.details[0].field).toBe('file');
  });

  it('refuses a file over the size limit with 413 in the one error shape', async () => {
    const project = await newProject();
    const big = Buffer.alloc(IMPORT_MAX_BYTES + 1, 'a');
    big.write('Title\n');
    const res = await api
      .http()
      .post(`${V1}/projects/${project.id}/import`)
      .set(auth(team.users.member))
      .attach('file', big, 'huge.csv');
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'An import file may be at most 20 MiB',
    });
    expect(await lastTaskNumber(api, project.id)).toBe(0);
  });

  it('refuses a request that is not multipart with 415, and one without a file with 400', async () => {
    const project = await newProject();
    const json = await api
      .http()
      .post(`${V1}/projects/${project.id}/import`)
      .set(auth(team.users.member))
      .send({ file: 'x' });
    expect(json.status).toBe(415);
    const noFile = await api
      .http()
      .post(`${V1}/projects/${project.id}/import`)
      .set(auth(team.users.member))
      .field('mapping', '{}');
    expect(noFile.status).toBe(400);
  });
});

describe('permissions and numbering', () => {
  it('a viewer gets 403 on import (even a dry run) and may export', async () => {
    const project = await newProject();
    const res = await importFile(project.id, fixture('jira.csv'), 'j.csv', {
      dryRun: true,
      user: team.users.viewer,
    });
    expect(res.status).toBe(403);
    const exported = await api
      .http()
      .get(`${V1}/projects/${project.id}/export?format=json`)
      .set(auth(team.users.viewer));
    expect(exported.status).toBe(200);
  });

  it('keeps task numbers unique when tasks are created while an import commits', async () => {
    const project = await newProject();
    const creates = Array.from({ length: 6 }, (_, i) =>
      api
        .http()
        .post(`${V1}/projects/${project.id}/tasks`)
        .set(auth(team.users.member))
        .send({ title: `Side task ${i}` }),
    );
    const [imported, ...created] = await Promise.all([
      importFile(project.id, fixture('jira.csv'), 'j.csv'),
      ...creates,
    ]);
    expect(imported.status).toBe(201);
    expect(created.map((r) => r.status)).toEqual(Array(6).fill(201));
    const numbers = (await storedTasks(project.id)).map((t) => t.number);
    expect(numbers).toHaveLength(11);
    expect(new Set(numbers).size).toBe(11);
  });
});

describe('GET /projects/:projectId/export', () => {
  it('JSON lists every task with its labels, assignees and parent', async () => {
    const project = await newProject();
    await importFile(project.id, fixture('jira.csv'), 'j.csv');
    const res = await api
      .http()
      .get(`${V1}/projects/${project.id}/export?format=json`)
      .set(auth(team.users.member));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.headers['content-disposition']).toContain(`${project.key.toLowerCase()}-tasks.json`);
    expect(res.body.project).toEqual({ id: project.id, key: project.key, name: `Import ${project.key}` });
    expect(res.body.tasks).toHaveLength(5);
    const sub = res.body.tasks.find((t: { title: string }) => t.title === 'Add Android build job');
    expect(sub.parent).toEqual({ id: expect.any(String), key: `${project.key}-1` });
    expect(sub.assignees).toEqual([
      { id: team.users.admin.id, name: team.users.admin.name, email: team.users.admin.email },
    ]);
    expect(sub.labels.map((l: { name: string }) => l.name)).toEqual(['ci']);
  });

  it('CSV in our own columns imports back into another project as the same tasks', async () => {
    const source = await newProject();
    await importFile(source.id, fixture('linear.csv'), 'linear.csv');
    const res = await api
      .http()
      .get(`${V1}/projects/${source.id}/export?format=csv`)
      .set(auth(team.users.viewer))
      .buffer(true)
      .parse((response, done) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => done(null, text));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const csv = res.body as string;
    expect(csv.replace(/^\uFEFF/, '').split('\n')[0]).toBe(
      'Key,Title,Description,Status,Priority,Story points,Due date,Assignees,Labels,Parent,Created,Completed',
    );
    const target = await newProject();
    const dry = await importFile(target.id, csv, 'export.csv', { dryRun: true });
    expect(dry.body.mapping.source).toBe('teamflow');
    expect(dry.body.errors).toEqual([]);
    expect((await importFile(target.id, csv, 'export.csv')).status).toBe(201);
    const strip = (tasks: TaskRow[]) => tasks.map(({ number: _n, ...rest }) => rest);
    expect(strip(await storedTasks(target.id))).toEqual(strip(await storedTasks(source.id)));
  });

  it('refuses an unknown format with 400', async () => {
    const res = await api
      .http()
      .get(`${V1}/projects/${team.projectId}/export?format=xml`)
      .set(auth(team.users.member));
    expect(res.status).toBe(400);
  });
});
