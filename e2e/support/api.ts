import { randomBytes } from 'node:crypto';

// Test-side api calls: set up data and change it "behind the page's back".
export const PASSWORD = 'e2e-password-1';

export function apiUrl(): string {
  const url = process.env.E2E_API_URL;
  if (!url) throw new Error('E2E_API_URL is not set: run through playwright.config.ts (global setup)');
  return url;
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}@e2e.teamflow.dev`;
}

async function call<T>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
  const res = await fetch(`${apiUrl()}/api/v1${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

interface TaskBody {
  id: string;
  key: string;
  title: string;
  version: number;
}

export interface Board {
  ownerToken: string;
  workspaceId: string;
  projectId: string;
  task: TaskBody;
  boardPath: string;
}

export async function registerUser(email: string, name: string): Promise<string> {
  const session = await call<{ accessToken: string }>('POST', '/auth/register', undefined, {
    email,
    name,
    password: PASSWORD,
  });
  return session.accessToken;
}

/** An owner with a workspace, a project (key KEY) and one task in To do. */
export async function createBoard(ownerEmail: string, taskTitle: string): Promise<Board> {
  const ownerToken = await registerUser(ownerEmail, 'Olive Owner');
  const workspace = await call<{ id: string }>('POST', '/workspaces', ownerToken, { name: 'E2E workspace' });
  const project = await call<{ id: string }>('POST', `/workspaces/${workspace.id}/projects`, ownerToken, {
    name: 'E2E project',
    key: 'KEY',
  });
  const task = await call<TaskBody>('POST', `/projects/${project.id}/tasks`, ownerToken, {
    title: taskTitle,
    priority: 'high',
    storyPoints: 3,
    dueDate: '2030-05-17',
  });
  return {
    ownerToken,
    workspaceId: workspace.id,
    projectId: project.id,
    task,
    boardPath: `/w/${workspace.id}/p/${project.id}`,
  };
}

/** Invites the email with the role and accepts as that (newly registered) user. */
export async function addMember(
  board: Board,
  email: string,
  name: string,
  role: 'viewer' | 'member',
): Promise<string> {
  const { inviteUrl } = await call<{ inviteUrl: string }>(
    'POST',
    `/workspaces/${board.workspaceId}/invitations`,
    board.ownerToken,
    { email, role },
  );
  const token = inviteUrl.split('/').pop() ?? '';
  const memberToken = await registerUser(email, name);
  await call('POST', `/invitations/${token}/accept`, memberToken);
  return memberToken;
}

export async function updateTask(
  token: string,
  taskId: string,
  body: Record<string, unknown>,
): Promise<TaskBody> {
  return call<TaskBody>('PATCH', `/tasks/${taskId}`, token, body);
}

export async function getTask(token: string, taskId: string): Promise<TaskBody & Record<string, unknown>> {
  return call<TaskBody & Record<string, unknown>>('GET', `/tasks/${taskId}`, token);
}

/** Every task of the board's project (one page: e2e boards are small). */
export async function listTasks(board: Board): Promise<(TaskBody & Record<string, unknown>)[]> {
  const page = await call<{ items: (TaskBody & Record<string, unknown>)[] }>(
    'GET',
    `/projects/${board.projectId}/tasks?limit=100`,
    board.ownerToken,
  );
  return page.items;
}

export async function createLabel(board: Board, name: string, color = '#0ea5e9'): Promise<{ id: string }> {
  return call<{ id: string }>('POST', `/workspaces/${board.workspaceId}/labels`, board.ownerToken, {
    name,
    color,
  });
}

export async function createTask(board: Board, body: Record<string, unknown>): Promise<TaskBody> {
  return call<TaskBody>('POST', `/projects/${board.projectId}/tasks`, board.ownerToken, body);
}

/** Makes `taskId` depend on (be blocked by) `dependsOnTaskId`. */
export async function addDependency(board: Board, taskId: string, dependsOnTaskId: string): Promise<void> {
  await call('POST', `/tasks/${taskId}/dependencies`, board.ownerToken, { dependsOnTaskId });
}

export async function createProject(
  board: Board,
  name: string,
  key: string,
): Promise<{ id: string; path: string }> {
  const project = await call<{ id: string }>(
    'POST',
    `/workspaces/${board.workspaceId}/projects`,
    board.ownerToken,
    {
      name,
      key,
    },
  );
  return { id: project.id, path: `/w/${board.workspaceId}/p/${project.id}` };
}

/** The workspace's members: user id by name. */
export async function memberIds(board: Board): Promise<Map<string, string>> {
  const members = await call<{ items: { user: { id: string; name: string } }[] }>(
    'GET',
    `/workspaces/${board.workspaceId}/members`,
    board.ownerToken,
  );
  return new Map(members.items.map((m) => [m.user.name, m.user.id]));
}

export async function currentUserId(token: string): Promise<string> {
  return (await call<{ user: { id: string } }>('GET', '/auth/me', token)).user.id;
}

export async function createSprint(board: Board, name: string): Promise<{ id: string }> {
  return call<{ id: string }>('POST', `/projects/${board.projectId}/sprints`, board.ownerToken, { name });
}

/** An invitation link's token (not accepted). */
export async function inviteToken(board: Board, email: string): Promise<string> {
  const { inviteUrl } = await call<{ inviteUrl: string }>(
    'POST',
    `/workspaces/${board.workspaceId}/invitations`,
    board.ownerToken,
    { email, role: 'member' },
  );
  return inviteUrl.split('/').pop() ?? '';
}

/** Sets a user's own time zone (an IANA name), as the profile page does. */
export async function setTimeZone(token: string, timeZone: string): Promise<void> {
  await call('PATCH', '/auth/me', token, { timeZone });
}

/** Changes a workspace's name, slug or time zone (owners). */
export async function updateWorkspace(
  token: string,
  workspaceId: string,
  body: Record<string, unknown>,
): Promise<void> {
  await call('PATCH', `/workspaces/${workspaceId}`, token, body);
}
