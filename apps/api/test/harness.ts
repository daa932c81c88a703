import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { loadEnv, type Env } from '@teamflow/config/env';
import type { Role } from '@teamflow/contracts/permissions';
import type { Logger } from '@teamflow/core/platform/logger';
import { connectRedis } from '@teamflow/core/platform/redis';
import { createApp, type ApiApp } from '../src/app';
import { buildDeps, type ApiDeps } from '../src/deps';

export const V1 = '/api/v1';

export interface TestApi extends ApiApp {
  deps: ApiDeps;
  http: () => ReturnType<typeof request>;
  close(): Promise<void>;
}

/**
 * A real api on this run's own database and Redis prefix (see global-setup). Limits are high by
 * default so suites do not trip them by accident; a test about limits passes its own.
 */
export async function startApi(
  overrides: Partial<Record<keyof Env, string>> = {},
  options: { logger?: Logger } = {},
): Promise<TestApi> {
  const env = loadEnv({
    // Tests read the per-run settings global-setup exported.
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    RATE_LIMIT_AUTH_PER_MINUTE: '100000',
    RATE_LIMIT_DEFAULT_PER_MINUTE: '100000',
    RATE_LIMIT_AI_PER_HOUR: '100000',
    RATE_LIMIT_UPLOADS_PER_HOUR: '100000',
    DB_POOL_MAX: '5',
    ...overrides,
  });
  const deps = buildDeps(env, { logger: options.logger });
  await connectRedis(deps.redis, env.REDIS_URL);
  const api = createApp(deps);
  return {
    ...api,
    deps,
    http: () => request(api.app),
    close: () => deps.close(),
  };
}

export interface TestUser {
  id: string;
  email: string;
  name: string;
  password: string;
  token: string;
  refreshCookie: string;
}

/** The last task number the project's sequence handed out (0 before its first). */
export async function lastTaskNumber(api: TestApi, projectId: string): Promise<number> {
  const { rows } = await api.deps.pool.query<{ n: string }>(
    'select coalesce(pg_sequence_last_value(task_number_sequence($1)), 0) as n',
    [projectId],
  );
  return Number(rows[0]!.n);
}

export function uniqueEmail(tag = 'user'): string {
  return `${tag}-${randomUUID().slice(0, 8)}@example.test`;
}

export async function registerUser(api: TestApi, tag = 'user'): Promise<TestUser> {
  const email = uniqueEmail(tag);
  const password = 'correct-horse-1';
  const res = await api
    .http()
    .post(`${V1}/auth/register`)
    .send({ email, name: `${tag} person`, password });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const refreshCookie = cookies.find((c) => c.startsWith('tf_refresh='))!.split(';')[0]!;
  return {
    id: res.body.user.id,
    email,
    name: res.body.user.name,
    password,
    token: res.body.accessToken,
    refreshCookie,
  };
}

export const auth = (user: { token: string }) => ({ Authorization: `Bearer ${user.token}` });

export interface TeamFixture {
  workspaceId: string;
  projectId: string;
  taskId: string;
  users: Record<Role | 'stranger', TestUser>;
}

/** A workspace with one user per role (plus a stranger), a project and a task created by the member. */
export async function createTeam(api: TestApi): Promise<TeamFixture> {
  const [owner, admin, member, viewer, stranger] = await Promise.all(
    (['owner', 'admin', 'member', 'viewer', 'stranger'] as const).map((r) => registerUser(api, r)),
  );
  const ws = await api
    .http()
    .post(`${V1}/workspaces`)
    .set(auth(owner!))
    .send({ name: `Team ${randomUUID().slice(0, 6)}` });
  const workspaceId: string = ws.body.id;
  for (const [user, role] of [
    [admin!, 'admin'],
    [member!, 'member'],
    [viewer!, 'viewer'],
  ] as const) {
    const inv = await api
      .http()
      .post(`${V1}/workspaces/${workspaceId}/invitations`)
      .set(auth(owner!))
      .send({ email: user.email, role });
    const token = String(inv.body.inviteUrl).split('/invite/')[1];
    const accepted = await api.http().post(`${V1}/invitations/${token}/accept`).set(auth(user));
    if (accepted.status !== 200)
      throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  }
  const project = await api
    .http()
    .post(`${V1}/workspaces/${workspaceId}/projects`)
    .set(auth(owner!))
    .send({ name: 'Core', key: 'CORE' });
  const task = await api
    .http()
    .post(`${V1}/projects/${project.body.id}/tasks`)
    .set(auth(member!))
    .send({ title: 'First task' });
  return {
    workspaceId,
    projectId: project.body.id,
    taskId: task.body.id,
    users: { owner: owner!, admin: admin!, member: member!, viewer: viewer!, stranger: stranger! },
  };
}

/**
 * Runs `during` while inserting a task titled `title` fails in the database itself (a trigger in
 * this run's own database): a real failure part-way through a multi-task write.
 */
export async function whileTaskInsertFails<T>(
  api: TestApi,
  title: string,
  during: () => Promise<T>,
): Promise<T> {
  const literal = `'${title.replace(/'/g, "''")}'`;
  await api.deps.pool.query(
    `create or replace function test_task_insert_fails() returns trigger language plpgsql as $$
     begin if new.title = ${literal} then raise exception 'boom'; end if; return new; end $$`,
  );
  await api.deps.pool.query(
    `create trigger test_task_insert_fails before insert on tasks for each row execute function test_task_insert_fails()`,
  );
  try {
    return await during();
  } finally {
    await api.deps.pool.query(`drop trigger test_task_insert_fails on tasks`);
  }
}
