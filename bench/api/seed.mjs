// Seeds the bench database through the real api (so every row is one the api itself wrote):
// an owner and a few members, a workspace, labels, the project the scenarios read and write,
// ~1,000 tasks with assignees and labels, and an empty project for the raw insert baseline.

const API = '/api/v1';

export class ApiClient {
  constructor(baseUrl, token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  async call(method, path, body, expect) {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await res.text();
    if (res.status !== expect)
      throw new Error(`${method} ${path}: expected ${expect}, got ${res.status}: ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : undefined;
  }

  as(token) {
    return new ApiClient(this.baseUrl, token);
  }
}

const STATUSES = ['todo', 'todo', 'in_progress', 'in_review', 'blocked', 'done'];
const PRIORITIES = ['low', 'medium', 'medium', 'high', 'critical'];

/** Runs `fn(i)` for i in [0, n) with at most `width` in flight. */
async function inParallel(n, width, fn) {
  let next = 0;
  const lane = async () => {
    while (next < n) await fn(next++);
  };
  await Promise.all(Array.from({ length: Math.min(width, n) }, lane));
}

export async function seed(baseUrl, { tasks = 1000, members = 3, labels = 6 } = {}) {
  const anon = new ApiClient(baseUrl);
  const password = 'bench-password-1';
  const owner = await anon.call(
    'POST',
    `${API}/auth/register`,
    { email: 'owner@bench.example.com', name: 'Bench Owner', password },
    201,
  );
  const api = anon.as(owner.accessToken);

  const workspace = await api.call('POST', `${API}/workspaces`, { name: 'Bench', slug: 'bench' }, 201);
  const ws = workspace.id;

  // Members arrive the way real ones do: invited by the owner, then accepting with the link's token.
  const userIds = [owner.user.id];
  for (let i = 1; i <= members; i++) {
    const email = `member${i}@bench.example.com`;
    const member = await anon.call(
      'POST',
      `${API}/auth/register`,
      { email, name: `Bench Member ${i}`, password },
      201,
    );
    const invite = await api.call(
      'POST',
      `${API}/workspaces/${ws}/invitations`,
      { email, role: 'member' },
      201,
    );
    const token = invite.inviteUrl.split('/invite/')[1];
    await anon.as(member.accessToken).call('POST', `${API}/invitations/${token}/accept`, undefined, 200);
    userIds.push(member.user.id);
  }

  const labelIds = [];
  for (let i = 0; i < labels; i++) {
    const label = await api.call(
      'POST',
      `${API}/workspaces/${ws}/labels`,
      { name: `label-${i}`, color: '#3366cc' },
      201,
    );
    labelIds.push(label.id);
  }

  const project = await api.call(
    'POST',
    `${API}/workspaces/${ws}/projects`,
    { name: 'Bench board', key: 'BENCH' },
    201,
  );
  const insertProject = await api.call(
    'POST',
    `${API}/workspaces/${ws}/projects`,
    { name: 'Raw inserts', key: 'RAW' },
    201,
  );

  // Deterministic spread: most tasks have 0–2 assignees and 0–3 labels, a few have a due date.
  const started = Date.now();
  await inParallel(tasks, 8, async (i) => {
    const assignees = userIds.filter((_, u) => (i + u) % 3 === 0).slice(0, i % 3);
    const taskLabels = labelIds.filter((_, l) => (i * 7 + l) % 4 === 0).slice(0, i % 4);
    await api.call(
      'POST',
      `${API}/projects/${project.id}/tasks`,
      {
        title: `Seed task ${i + 1}: ${['fix', 'build', 'review', 'ship'][i % 4]} the ${['board', 'api', 'docs', 'worker', 'web'][i % 5]}`,
        description: i % 5 === 0 ? `Some **markdown** for task ${i + 1}.\n\n- one\n- two` : undefined,
        status: STATUSES[i % STATUSES.length],
        priority: PRIORITIES[i % PRIORITIES.length],
        storyPoints: i % 2 === 0 ? [1, 2, 3, 5, 8, 13][i % 6] : undefined,
        dueDate: i % 7 === 0 ? `2030-0${(i % 9) + 1}-1${i % 10}` : undefined,
        assigneeIds: assignees,
        labelIds: taskLabels,
      },
      201,
    );
  });

  return {
    token: owner.accessToken,
    userId: owner.user.id,
    workspaceId: ws,
    projectId: project.id,
    insertProjectId: insertProject.id,
    userIds,
    labelIds,
    tasks,
    seedMs: Date.now() - started,
  };
}
