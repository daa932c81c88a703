import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { Test } from 'supertest';
import { loadEnv } from '@teamflow/config/env';
import type { Role } from '@teamflow/contracts/permissions';
import { LOCAL_MODEL } from '@teamflow/ai/local/local.provider';
import { localBreakdown } from '@teamflow/ai/local/breakdown.rules';
import { insertAiJob } from '@teamflow/core/ai/ai.repository';
import { generateDigest } from '@teamflow/core/digests/generate-digest';
import { finishJob, stageJob } from '@teamflow/core/jobs/job-outbox.repository';
import { digestJob } from '@teamflow/queue/jobs';
import { createApp } from '../src/app';
import { buildDeps } from '../src/deps';
import type { AnyRouteSpec, PermissionAccess } from '../src/http/route-table';
import { auth, registerUser, V1, type TeamFixture, type TestApi, type TestUser } from './harness';

/**
 * "Build a real, valid request for this route": one recipe per guarded route, shared by the
 * permission matrix and the OpenAPI conformance suite. Recipes create whatever fresh resource
 * the request targets, so a destructive call never breaks the next case.
 */

export type Who = Role | 'stranger';
export const ROLES: readonly Role[] = ['owner', 'admin', 'member', 'viewer'];

export interface RegisteredRoute {
  basePath: string;
  spec: AnyRouteSpec;
}
export type Method = AnyRouteSpec['method'];

export const routeKey = (r: RegisteredRoute) => `${r.spec.method.toUpperCase()} ${r.basePath}${r.spec.path}`;
export const isPermissionRoute = (
  r: RegisteredRoute,
): r is RegisteredRoute & { spec: { access: PermissionAccess } } => r.spec.access.kind === 'permission';
/** The status a route answers on success: its first documented 2xx. */
export const successStatus = (r: RegisteredRoute) =>
  Number(Object.keys(r.spec.responses).find((s) => s.startsWith('2')));

/**
 * The routes of a freshly built app, available while Jest collects tests (so each route gets
 * named tests). Nothing connects: the pool and the Redis client are lazy and closed right away.
 */
export function listRoutes(): RegisteredRoute[] {
  const deps = buildDeps(loadEnv({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent' }));
  const { routes } = createApp(deps);
  void deps.close();
  return [...routes.routes];
}

export const tag = () => randomBytes(4).toString('hex');

export function send(
  api: TestApi,
  user: TestUser | undefined,
  method: Method,
  path: string,
  body?: unknown,
  query?: Record<string, string>,
) {
  let req = api.http()[method](path);
  if (user) req = req.set(auth(user));
  if (query) req = req.query(query);
  if (body !== undefined) req = req.send(body as object);
  return req;
}

/** A setup call that must succeed; its body. */
async function must(req: Test): Promise<Record<string, unknown>> {
  const r = await req;
  if (r.status >= 300)
    throw new Error(`setup ${req.method} ${req.url} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as Record<string, unknown>;
}
const id = (body: Record<string, unknown>) => String(body.id);

/** Where a case runs: the shared team's workspace, or a workspace of its own with the same people. */
export interface Base {
  workspaceId: string;
  projectId: string;
  taskId: string;
}

export interface Scene {
  api: TestApi;
  team: TeamFixture;
  base: Base;
  /** Who sends the request. */
  actor: TestUser;
  /** Whether the targeted resource is the actor's own (the task they created, the comment they wrote, themselves). */
  mine: boolean;
  /** Who creates the targeted resource: the actor when `mine`, someone else otherwise. */
  author: TestUser;
}

export interface Prepared {
  params: Record<string, string>;
  body?: unknown;
  /** A multipart upload instead of a JSON body. */
  file?: { field: string; name: string; content: Buffer };
  query?: Record<string, string>;
}

export interface RouteCase {
  /** Deletes the workspace or changes who is in it: each case gets a workspace of its own. */
  fresh?: boolean;
  prepare(s: Scene): Promise<Prepared>;
  /**
   * Requests for another kind of resource behind the same path (`/jobs/:jobId`: an AI job or a
   * digest regenerate), by name: the matrix and the conformance suite walk each like `prepare`.
   */
  variants?: Record<string, (s: Scene) => Promise<Prepared>>;
}

export async function acceptInvite(api: TestApi, inviteUrl: unknown, user: TestUser): Promise<void> {
  const token = String(inviteUrl).split('/invite/')[1];
  await must(api.http().post(`${V1}/invitations/${token}/accept`).set(auth(user)));
}

/** A new workspace owned by the team's owner, with the team's admin, member and viewer in their roles. */
export async function freshWorkspace(api: TestApi, team: TeamFixture): Promise<Base> {
  const { owner } = team.users;
  const ws = await must(send(api, owner, 'post', `${V1}/workspaces`, { name: `Fresh ${tag()}` }));
  for (const role of ['admin', 'member', 'viewer'] as const) {
    const inv = await must(
      send(api, owner, 'post', `${V1}/workspaces/${id(ws)}/invitations`, {
        email: team.users[role].email,
        role,
      }),
    );
    await acceptInvite(api, inv.inviteUrl, team.users[role]);
  }
  const project = await must(
    send(api, owner, 'post', `${V1}/workspaces/${id(ws)}/projects`, { name: 'Fresh', key: freshKey() }),
  );
  const task = await must(
    send(api, team.users.member, 'post', `${V1}/projects/${id(project)}/tasks`, { title: 'Fresh task' }),
  );
  return { workspaceId: id(ws), projectId: id(project), taskId: id(task) };
}

const freshKey = () => `K${tag().toUpperCase()}`;
const owner = (s: Scene) => s.team.users.owner;

export const freshTask = async (s: Scene, by: TestUser = owner(s)) =>
  must(send(s.api, by, 'post', `${V1}/projects/${s.base.projectId}/tasks`, { title: `Task ${tag()}` }));
const freshProject = (s: Scene) =>
  must(
    send(s.api, owner(s), 'post', `${V1}/workspaces/${s.base.workspaceId}/projects`, {
      name: `Project ${tag()}`,
      key: freshKey(),
    }),
  );
const freshSprint = (s: Scene) =>
  must(
    send(s.api, owner(s), 'post', `${V1}/projects/${s.base.projectId}/sprints`, { name: `Sprint ${tag()}` }),
  );
const freshTemplate = (s: Scene) =>
  must(
    send(s.api, owner(s), 'post', `${V1}/projects/${s.base.projectId}/templates`, {
      name: `Template ${tag()}`,
      titlePattern: 'Weekly review {{date}}',
    }),
  );
/** A fresh task made to recur daily (`every`). */
const recurringTask = async (s: Scene) => {
  const t = await freshTask(s);
  await must(send(s.api, owner(s), 'put', `${V1}/tasks/${id(t)}/recurrence`, { rule: 'FREQ=DAILY' }));
  return t;
};
export const freshComment = (s: Scene, by: TestUser) =>
  must(send(s.api, by, 'post', `${V1}/tasks/${s.base.taskId}/comments`, { body: `Comment ${tag()}` }));
const freshLabel = (s: Scene) =>
  must(
    send(s.api, owner(s), 'post', `${V1}/workspaces/${s.base.workspaceId}/labels`, {
      name: `label-${tag()}`,
    }),
  );
/** A 1×1 transparent PNG. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
/** An image attached to the case's task by `by` (an editor). */
export const freshAttachment = (s: Scene, by: TestUser) =>
  must(
    s.api
      .http()
      .post(`${V1}/tasks/${s.base.taskId}/attachments`)
      .set(auth(by))
      .attach('file', TINY_PNG, `pixel-${tag()}.png`),
  );
/** TEST-NET-3 (RFC 5737): a public address nobody answers on; deliveries are never run here. */
const WEBHOOK_URL = 'http://203.0.113.10/hooks';
const freshWebhook = (s: Scene) =>
  must(
    send(s.api, owner(s), 'post', `${V1}/workspaces/${s.base.workspaceId}/webhooks`, {
      url: WEBHOOK_URL,
      events: ['task.created'],
    }),
  );
/** A delivery row as the relay would stage it (no relay runs in the matrix). */
async function freshDelivery(s: Scene, webhookId: string): Promise<string> {
  const result = await s.api.deps.pool.query<{ id: string }>(
    `insert into webhook_deliveries (webhook_id, workspace_id, event, body, status, attempts)
     values ($1, $2, 'task.created', '{}', 'failed', 5) returning id`,
    [webhookId, s.base.workspaceId],
  );
  return result.rows[0]!.id;
}
const freshInvitation = async (s: Scene) =>
  (
    await must(
      send(s.api, owner(s), 'post', `${V1}/workspaces/${s.base.workspaceId}/invitations`, {
        email: `inv-${tag()}@example.test`,
      }),
    )
  ).invitation as Record<string, unknown>;
/** A newly registered user who joined the case's workspace as a member. */
async function freshMember(s: Scene): Promise<TestUser> {
  const user = await registerUser(s.api, 'joiner');
  const inv = await must(
    send(s.api, owner(s), 'post', `${V1}/workspaces/${s.base.workspaceId}/invitations`, {
      email: user.email,
      role: 'member',
    }),
  );
  await acceptInvite(s.api, inv.inviteUrl, user);
  return user;
}

/**
 * The case's task linked to a commit: GitHub turned on for its workspace, and a signed push that
 * names the task's key posted to the webhook (which is how TASK_DEVELOPMENT_UPDATED is written).
 */
async function taskWithCommit(s: Scene): Promise<void> {
  const settings = `${V1}/workspaces/${s.base.workspaceId}/integrations/github`;
  const { secret } = await must(send(s.api, owner(s), 'put', settings, { enabled: true }));
  const taskKey = (await must(send(s.api, owner(s), 'get', `${V1}/tasks/${s.base.taskId}`))).key;
  const sha = randomBytes(20).toString('hex');
  const body = JSON.stringify({
    ref: 'refs/heads/main',
    repository: { full_name: 'octo-org/teamflow-app' },
    commits: [
      {
        id: sha,
        message: `${String(taskKey)} ${tag()}`,
        url: `https://github.com/octo-org/teamflow-app/commit/${sha}`,
        author: { name: 'Ana', username: 'ana' },
      },
    ],
  });
  const signature = `sha256=${createHmac('sha256', String(secret)).update(body).digest('hex')}`;
  await must(
    s.api
      .http()
      .post(`${V1}/integrations/github/${s.base.workspaceId}/webhook`)
      .set('Content-Type', 'application/json')
      .set('X-GitHub-Event', 'push')
      .set('X-GitHub-Delivery', randomUUID())
      .set('X-Hub-Signature-256', signature)
      .send(body),
  );
}

/** A date no other recipe has used: one status update per person per date. */
let dateCounter = 0;
export const freshDate = () =>
  new Date(Date.UTC(2030, 0, 1) + dateCounter++ * 86_400_000).toISOString().slice(0, 10);
export const freshStatusUpdate = (s: Scene, by: TestUser) =>
  must(
    send(s.api, by, 'post', `${V1}/workspaces/${s.base.workspaceId}/status-updates`, {
      date: freshDate(),
      done: `Done ${tag()}`,
      doing: 'Doing the next thing',
      mood: 4,
    }),
  );
export const freshBlocker = (s: Scene, by: TestUser) =>
  must(
    send(s.api, by, 'post', `${V1}/workspaces/${s.base.workspaceId}/blockers`, { title: `Blocked ${tag()}` }),
  );
export const freshIncident = (s: Scene) =>
  must(
    send(s.api, owner(s), 'post', `${V1}/workspaces/${s.base.workspaceId}/incidents`, {
      title: `Outage ${tag()}`,
      severity: 'sev3',
    }),
  );
export const freshDecision = (s: Scene, status: 'proposed' | 'accepted' = 'proposed') =>
  must(
    send(s.api, owner(s), 'post', `${V1}/workspaces/${s.base.workspaceId}/decisions`, {
      title: `Decision ${tag()}`,
      context: 'We need to choose',
      decision: 'We chose',
      status,
    }),
  );

/** A completed breakdown of the case's task, as the worker would have stored it (no worker runs here). */
export async function completedBreakdown(s: Scene): Promise<string> {
  const value = localBreakdown({
    projectName: 'Core',
    task: {
      key: 'CORE-1',
      title: 'Build login page with OAuth',
      description: null,
      priority: 'medium',
      storyPoints: null,
    },
  });
  const row = await insertAiJob(s.api.deps.db, {
    workspaceId: s.base.workspaceId,
    kind: 'breakdown',
    subjectId: s.base.taskId,
    inputHash: `recipe-${tag()}`,
    input: {},
    state: 'completed',
    progress: 100,
    result: { ...value, source: { provider: 'local', model: LOCAL_MODEL } },
    provider: 'local',
    finishedAt: new Date(),
  });
  return row.id;
}

/** A digest regenerate of the case's workspace that the worker finished (no worker runs here). */
async function completedDigestJob(s: Scene): Promise<string> {
  return s.api.deps.db.transaction(async (tx) => {
    const { jobId } = await stageJob(tx, digestJob, {
      workspaceId: s.base.workspaceId,
      date: freshDate(),
      force: true,
    });
    await finishJob(tx, Number(jobId.slice('outbox-'.length)), 'done');
    return jobId;
  });
}

const ws = (s: Scene) => ({ workspaceId: s.base.workspaceId });
const project = (s: Scene) => ({ projectId: s.base.projectId });
const task = (s: Scene) => ({ taskId: s.base.taskId });
const only = (
  params: (s: Scene) => Record<string, string>,
  extra: Omit<Prepared, 'params'> = {},
): RouteCase => ({
  prepare: (s) => Promise.resolve({ params: params(s), ...extra }),
});

/** Each route's walks: its recipe, then each of its variants (`variant` names it). */
export const routeWalks = <R extends RegisteredRoute>(routes: readonly R[]) =>
  routes.flatMap((route) => [
    { name: routeKey(route), route, variant: undefined as string | undefined },
    ...Object.keys(ROUTE_CASES[routeKey(route)]?.variants ?? {}).map((variant) => ({
      name: `${routeKey(route)} (${variant})`,
      route,
      variant,
    })),
  ]);

/** One recipe per permission-guarded route, keyed `METHOD /full/path`. */
export const ROUTE_CASES: Record<string, RouteCase> = {
  // Workspaces
  'GET /api/v1/workspaces/:workspaceId': only(ws),
  'PATCH /api/v1/workspaces/:workspaceId': {
    prepare: (s) => Promise.resolve({ params: ws(s), body: { name: `Renamed ${tag()}` } }),
  },
  'DELETE /api/v1/workspaces/:workspaceId': { fresh: true, ...only(ws) },

  // Members and invitations
  'GET /api/v1/workspaces/:workspaceId/members': only(ws),
  'PATCH /api/v1/workspaces/:workspaceId/members/:userId': {
    prepare: async (s) => ({
      params: { ...ws(s), userId: (await freshMember(s)).id },
      body: { role: 'viewer' },
    }),
  },
  'DELETE /api/v1/workspaces/:workspaceId/members/:userId': {
    fresh: true,
    // Their own membership is leaving; anyone else's is removing a member.
    prepare: async (s) => ({ params: { ...ws(s), userId: s.mine ? s.actor.id : (await freshMember(s)).id } }),
  },
  'POST /api/v1/workspaces/:workspaceId/invitations': {
    prepare: (s) =>
      Promise.resolve({ params: ws(s), body: { email: `invitee-${tag()}@example.test`, role: 'member' } }),
  },
  'GET /api/v1/workspaces/:workspaceId/invitations': only(ws),
  'DELETE /api/v1/workspaces/:workspaceId/invitations/:invitationId': {
    prepare: async (s) => ({ params: { ...ws(s), invitationId: id(await freshInvitation(s)) } }),
  },

  // Projects
  'POST /api/v1/workspaces/:workspaceId/projects': {
    prepare: (s) => Promise.resolve({ params: ws(s), body: { name: `Project ${tag()}`, key: freshKey() } }),
  },
  'GET /api/v1/workspaces/:workspaceId/projects': only(ws),
  'GET /api/v1/projects/:projectId': only(project),
  'PATCH /api/v1/projects/:projectId': {
    prepare: async (s) => {
      const p = await freshProject(s);
      return { params: { projectId: id(p) }, body: { version: p.version, name: `Renamed ${tag()}` } };
    },
  },
  'DELETE /api/v1/projects/:projectId': {
    prepare: async (s) => ({ params: { projectId: id(await freshProject(s)) } }),
  },

  // Tasks
  'POST /api/v1/projects/:projectId/tasks': {
    prepare: (s) => Promise.resolve({ params: project(s), body: { title: `New task ${tag()}` } }),
  },
  'GET /api/v1/projects/:projectId/tasks': only(project),
  'GET /api/v1/tasks/:taskId': only(task),
  'PATCH /api/v1/tasks/:taskId': {
    prepare: async (s) => {
      const t = await freshTask(s, s.author);
      return {
        params: { taskId: id(t) },
        body: { version: t.version, title: `Changed ${tag()}`, priority: 'high' },
      };
    },
  },
  'POST /api/v1/tasks/:taskId/move': {
    prepare: async (s) => {
      const t = await freshTask(s, s.author);
      return { params: { taskId: id(t) }, body: { status: 'in_progress', version: t.version } };
    },
  },
  'DELETE /api/v1/tasks/:taskId': {
    prepare: async (s) => ({ params: { taskId: id(await freshTask(s, s.author)) } }),
  },

  // Comments
  'GET /api/v1/tasks/:taskId/comments': only(task),
  'POST /api/v1/tasks/:taskId/comments': {
    prepare: (s) => Promise.resolve({ params: task(s), body: { body: `Hello **${tag()}**` } }),
  },
  'PATCH /api/v1/comments/:commentId': {
    prepare: async (s) => ({
      params: { commentId: id(await freshComment(s, s.author)) },
      body: { body: `Edited ${tag()}` },
    }),
  },
  'DELETE /api/v1/comments/:commentId': {
    prepare: async (s) => ({ params: { commentId: id(await freshComment(s, s.author)) } }),
  },

  // Attachments
  'POST /api/v1/tasks/:taskId/attachments': {
    prepare: (s) =>
      Promise.resolve({
        params: task(s),
        file: { field: 'file', name: `pixel-${tag()}.png`, content: TINY_PNG },
      }),
  },
  'GET /api/v1/tasks/:taskId/attachments': only(task),
  'GET /api/v1/attachments/:attachmentId': {
    prepare: async (s) => ({ params: { attachmentId: id(await freshAttachment(s, owner(s))) } }),
  },
  'GET /api/v1/attachments/:attachmentId/download': {
    prepare: async (s) => ({ params: { attachmentId: id(await freshAttachment(s, owner(s))) } }),
  },
  'DELETE /api/v1/attachments/:attachmentId': {
    prepare: async (s) => ({ params: { attachmentId: id(await freshAttachment(s, s.author)) } }),
  },

  // Import: the checked request is a dry run (200, the route's first success); before it the
  // owner commits one row, so the matrix also sees the PROJECT_IMPORTED event a commit emits.
  'POST /api/v1/projects/:projectId/import': {
    prepare: async (s) => {
      const csv = (title: string) => Buffer.from(`Title,Status\n${title},To Do\n`);
      await must(
        s.api
          .http()
          .post(`${V1}/projects/${s.base.projectId}/import`)
          .set(auth(owner(s)))
          .attach('file', csv(`Imported ${tag()}`), 'tasks.csv'),
      );
      return {
        params: project(s),
        query: { dryRun: 'true' },
        file: { field: 'file', name: 'tasks.csv', content: csv(`Checked ${tag()}`) },
      };
    },
  },
  'GET /api/v1/projects/:projectId/export': only(project, { query: { format: 'json' } }),

  // Webhooks (the matrix's api refuses private targets: a public address that is never called)
  'POST /api/v1/workspaces/:workspaceId/webhooks': {
    prepare: (s) => Promise.resolve({ params: ws(s), body: { url: WEBHOOK_URL, events: ['task.created'] } }),
  },
  'GET /api/v1/workspaces/:workspaceId/webhooks': only(ws),
  'PATCH /api/v1/webhooks/:webhookId': {
    prepare: async (s) => ({ params: { webhookId: id(await freshWebhook(s)) }, body: { enabled: false } }),
  },
  'DELETE /api/v1/webhooks/:webhookId': {
    prepare: async (s) => ({ params: { webhookId: id(await freshWebhook(s)) } }),
  },
  'GET /api/v1/webhooks/:webhookId/deliveries': {
    prepare: async (s) => ({ params: { webhookId: id(await freshWebhook(s)) } }),
  },
  'POST /api/v1/webhooks/:webhookId/deliveries/:deliveryId/redeliver': {
    prepare: async (s) => {
      const webhookId = id(await freshWebhook(s));
      return { params: { webhookId, deliveryId: await freshDelivery(s, webhookId) } };
    },
  },

  // GitHub and Slack
  'GET /api/v1/workspaces/:workspaceId/integrations/github': only(ws),
  'PUT /api/v1/workspaces/:workspaceId/integrations/github': {
    prepare: (s) => Promise.resolve({ params: ws(s), body: { enabled: true } }),
  },
  'POST /api/v1/workspaces/:workspaceId/integrations/github/rotate-secret': only(ws),
  'GET /api/v1/workspaces/:workspaceId/integrations/slack': only(ws),
  'PUT /api/v1/workspaces/:workspaceId/integrations/slack': {
    prepare: (s) =>
      Promise.resolve({
        params: ws(s),
        body: { botToken: 'xoxb-1234-5678-abcdefgh', channel: '#team', events: ['task.created'] },
      }),
  },
  'GET /api/v1/tasks/:taskId/development': {
    prepare: async (s) => {
      await taskWithCommit(s);
      return { params: task(s) };
    },
  },

  // Labels
  'GET /api/v1/workspaces/:workspaceId/labels': only(ws),
  'POST /api/v1/workspaces/:workspaceId/labels': {
    prepare: (s) => Promise.resolve({ params: ws(s), body: { name: `label-${tag()}`, color: '#22aa88' } }),
  },
  'DELETE /api/v1/workspaces/:workspaceId/labels/:labelId': {
    prepare: async (s) => ({ params: { ...ws(s), labelId: id(await freshLabel(s)) } }),
  },
  'GET /api/v1/tasks/:taskId/labels': only(task),
  'POST /api/v1/tasks/:taskId/labels': {
    prepare: async (s) => ({ params: task(s), body: { labelId: id(await freshLabel(s)) } }),
  },
  'DELETE /api/v1/tasks/:taskId/labels/:labelId': {
    prepare: async (s) => {
      const label = await freshLabel(s);
      await must(
        send(s.api, owner(s), 'post', `${V1}/tasks/${s.base.taskId}/labels`, { labelId: id(label) }),
      );
      return { params: { ...task(s), labelId: id(label) } };
    },
  },

  'DELETE /api/v1/tasks/:taskId/labels': {
    prepare: async (s) => {
      const label = await freshLabel(s);
      await must(
        send(s.api, owner(s), 'post', `${V1}/tasks/${s.base.taskId}/labels`, { labelId: id(label) }),
      );
      return { params: task(s), body: { labelId: id(label) } };
    },
  },

  // Dependencies
  'GET /api/v1/tasks/:taskId/dependencies': only(task),
  'POST /api/v1/tasks/:taskId/dependencies': {
    prepare: async (s) => ({ params: task(s), body: { dependsOnTaskId: id(await freshTask(s)) } }),
  },
  'DELETE /api/v1/tasks/:taskId/dependencies/:dependsOnTaskId': {
    prepare: async (s) => {
      const other = await freshTask(s);
      await must(
        send(s.api, owner(s), 'post', `${V1}/tasks/${s.base.taskId}/dependencies`, {
          dependsOnTaskId: id(other),
        }),
      );
      return { params: { ...task(s), dependsOnTaskId: id(other) } };
    },
  },
  'DELETE /api/v1/tasks/:taskId/dependencies': {
    prepare: async (s) => {
      const other = await freshTask(s);
      await must(
        send(s.api, owner(s), 'post', `${V1}/tasks/${s.base.taskId}/dependencies`, {
          dependsOnTaskId: id(other),
        }),
      );
      return { params: task(s), body: { dependsOnTaskId: id(other) } };
    },
  },

  // Activity and search
  'GET /api/v1/tasks/:taskId/activity': only(task),
  'GET /api/v1/workspaces/:workspaceId/activity': only(ws),
  'GET /api/v1/workspaces/:workspaceId/search': only(ws, { query: { q: 'task' } }),

  // Sprints
  'POST /api/v1/projects/:projectId/sprints': {
    prepare: (s) => Promise.resolve({ params: project(s), body: { name: `Sprint ${tag()}` } }),
  },
  'GET /api/v1/projects/:projectId/sprints': only(project),
  'GET /api/v1/sprints/:sprintId': {
    prepare: async (s) => ({ params: { sprintId: id(await freshSprint(s)) } }),
  },
  'PATCH /api/v1/sprints/:sprintId': {
    prepare: async (s) => {
      const sprint = await freshSprint(s);
      return { params: { sprintId: id(sprint) }, body: { version: sprint.version, goal: `Goal ${tag()}` } };
    },
  },
  'POST /api/v1/sprints/:sprintId/tasks': {
    prepare: async (s) => ({
      params: { sprintId: id(await freshSprint(s)) },
      body: { taskIds: [id(await freshTask(s))] },
    }),
  },
  'DELETE /api/v1/sprints/:sprintId/tasks': {
    prepare: async (s) => {
      const sprint = await freshSprint(s);
      const t = await freshTask(s);
      await must(send(s.api, owner(s), 'post', `${V1}/sprints/${id(sprint)}/tasks`, { taskIds: [id(t)] }));
      return { params: { sprintId: id(sprint) }, body: { taskIds: [id(t)] } };
    },
  },
  'GET /api/v1/sprints/:sprintId/burndown': {
    prepare: async (s) => ({ params: { sprintId: id(await freshSprint(s)) } }),
  },
  'GET /api/v1/projects/:projectId/velocity': only(project, { query: { count: '3' } }),

  // AI
  'POST /api/v1/tasks/:taskId/ai-breakdown': only(task, { body: {} }),
  'POST /api/v1/tasks/:taskId/ai-breakdown/accept': {
    prepare: async (s) => ({ params: task(s), body: { jobId: await completedBreakdown(s), indexes: [0] } }),
  },
  'POST /api/v1/projects/:projectId/ai-prioritize': only(project, { body: {} }),
  'POST /api/v1/projects/:projectId/ai-summary': only(project, { body: { provider: 'local' } }),
  'POST /api/v1/projects/:projectId/ai-duplicates': only(project, { body: { title: 'First task again' } }),
  'GET /api/v1/jobs/:jobId': {
    prepare: async (s) => ({ params: { jobId: await completedBreakdown(s) } }),
    variants: { 'a digest regenerate': async (s) => ({ params: { jobId: await completedDigestJob(s) } }) },
  },
  'POST /api/v1/workspaces/:workspaceId/ai/next': only(ws, { body: { provider: 'local' } }),
  'GET /api/v1/workspaces/:workspaceId/ai/usage': only(ws),
  'PUT /api/v1/workspaces/:workspaceId/ai/budget': only(ws, { body: { monthlyBudgetUsd: 25 } }),

  // Templates
  'POST /api/v1/projects/:projectId/templates': only(project, {
    body: { name: 'Release checklist', titlePattern: 'Release {{date}}' },
  }),
  'GET /api/v1/projects/:projectId/templates': only(project),
  'POST /api/v1/workspaces/:workspaceId/templates': only(ws, {
    body: { name: 'Standup notes', titlePattern: 'Standup {{weekday}}' },
  }),
  'GET /api/v1/workspaces/:workspaceId/templates': only(ws),
  'GET /api/v1/templates/:templateId': {
    prepare: async (s) => ({ params: { templateId: id(await freshTemplate(s)) } }),
  },
  'PATCH /api/v1/templates/:templateId': {
    prepare: async (s) => {
      const template = await freshTemplate(s);
      return {
        params: { templateId: id(template) },
        body: { version: template.version, name: `Renamed ${tag()}` },
      };
    },
  },
  'DELETE /api/v1/templates/:templateId': {
    prepare: async (s) => ({ params: { templateId: id(await freshTemplate(s)) } }),
  },

  // Recurrence
  'GET /api/v1/tasks/:taskId/recurrence': only(task),
  'PUT /api/v1/tasks/:taskId/recurrence': {
    prepare: async (s) => ({
      params: { taskId: id(await freshTask(s)) },
      body: { rule: 'FREQ=WEEKLY;BYDAY=MO', mode: 'every' },
    }),
  },
  'POST /api/v1/tasks/:taskId/recurrence/skip': {
    prepare: async (s) => ({ params: { taskId: id(await recurringTask(s)) } }),
  },
  'DELETE /api/v1/tasks/:taskId/recurrence': {
    prepare: async (s) => ({ params: { taskId: id(await recurringTask(s)) } }),
  },

  // Watching (the /notifications routes are USER-scoped, not workspace-guarded: notifications.test.ts)
  'GET /api/v1/tasks/:taskId/watch': only(task),
  'PUT /api/v1/tasks/:taskId/watch': only(task),
  'DELETE /api/v1/tasks/:taskId/watch': only(task),

  // Async updates
  'GET /api/v1/workspaces/:workspaceId/check-ins/settings': only(ws),
  'PATCH /api/v1/workspaces/:workspaceId/check-ins/settings': only(ws, { body: { reminderTime: '09:30' } }),
  'GET /api/v1/workspaces/:workspaceId/check-ins/today': only(ws),
  'POST /api/v1/workspaces/:workspaceId/status-updates': {
    prepare: (s) =>
      Promise.resolve({
        params: ws(s),
        body: {
          date: freshDate(),
          done: 'Shipped it',
          doing: 'Next one',
          blockers: `Waiting on ${tag()}`,
          mood: 3,
        },
      }),
  },
  'GET /api/v1/workspaces/:workspaceId/status-updates': only(ws),
  'GET /api/v1/workspaces/:workspaceId/status-updates/draft': only(ws),
  'PATCH /api/v1/status-updates/:statusUpdateId': {
    prepare: async (s) => {
      const update = await freshStatusUpdate(s, s.author);
      return {
        params: { statusUpdateId: id(update) },
        body: { version: update.version, doing: 'Changed plans' },
      };
    },
  },
  'DELETE /api/v1/status-updates/:statusUpdateId': {
    prepare: async (s) => ({ params: { statusUpdateId: id(await freshStatusUpdate(s, s.author)) } }),
  },
  'POST /api/v1/workspaces/:workspaceId/blockers': only(ws, {
    body: { title: 'Waiting on review', severity: 'high' },
  }),
  'GET /api/v1/workspaces/:workspaceId/blockers': only(ws, { query: { status: 'open' } }),
  'GET /api/v1/blockers/:blockerId': {
    prepare: async (s) => ({ params: { blockerId: id(await freshBlocker(s, s.author)) } }),
  },
  'POST /api/v1/blockers/:blockerId/acknowledge': {
    prepare: async (s) => ({
      params: { blockerId: id(await freshBlocker(s, s.author)) },
      body: { note: 'On it' },
    }),
  },
  'POST /api/v1/blockers/:blockerId/resolve': {
    prepare: async (s) => ({
      params: { blockerId: id(await freshBlocker(s, s.author)) },
      body: { resolution: 'Reviewed' },
    }),
  },
  'POST /api/v1/workspaces/:workspaceId/incidents': only(ws, {
    body: { title: 'API errors', severity: 'sev2' },
  }),
  'GET /api/v1/workspaces/:workspaceId/incidents': only(ws),
  'GET /api/v1/incidents/:incidentId': {
    prepare: async (s) => ({ params: { incidentId: id(await freshIncident(s)) } }),
  },
  'PATCH /api/v1/incidents/:incidentId': {
    prepare: async (s) => {
      const incident = await freshIncident(s);
      return {
        params: { incidentId: id(incident) },
        body: { version: incident.version, status: 'identified' },
      };
    },
  },
  'POST /api/v1/incidents/:incidentId/events': {
    prepare: async (s) => ({
      params: { incidentId: id(await freshIncident(s)) },
      body: { message: 'Rolled back' },
    }),
  },
  'POST /api/v1/incidents/:incidentId/action-items': {
    prepare: async (s) => {
      const incident = await freshIncident(s);
      await must(
        send(s.api, owner(s), 'patch', `${V1}/incidents/${id(incident)}`, {
          version: incident.version,
          postmortem: `## Action items\n- [ ] Add a canary ${tag()}`,
        }),
      );
      return { params: { incidentId: id(incident) }, body: { projectId: s.base.projectId } };
    },
  },
  'POST /api/v1/workspaces/:workspaceId/decisions': only(ws, {
    body: { title: 'Use Postgres', context: 'We need a database', decision: 'Postgres', status: 'accepted' },
  }),
  'GET /api/v1/workspaces/:workspaceId/decisions': only(ws, { query: { q: 'decision' } }),
  'GET /api/v1/decisions/:decisionId': {
    prepare: async (s) => ({ params: { decisionId: id(await freshDecision(s)) } }),
  },
  'PATCH /api/v1/decisions/:decisionId': {
    prepare: async (s) => {
      const decision = await freshDecision(s);
      return {
        params: { decisionId: id(decision) },
        body: { version: decision.version, status: 'accepted' },
      };
    },
  },
  'GET /api/v1/workspaces/:workspaceId/digests': only(ws),
  'GET /api/v1/workspaces/:workspaceId/digests/:date': {
    // As the digest schedule would have written it (no worker runs here).
    prepare: async (s) => {
      const date = freshDate();
      await generateDigest(s.api.deps, s.base.workspaceId, date);
      return { params: { ...ws(s), date } };
    },
  },
  'POST /api/v1/workspaces/:workspaceId/digests/:date/regenerate': {
    prepare: (s) => Promise.resolve({ params: { ...ws(s), date: freshDate() } }),
  },
  'GET /api/v1/tasks/:taskId/async-links': only(task),
  // Progress (the owner-only `enabled` switch is proven in progress.test.ts)
  'GET /api/v1/workspaces/:workspaceId/progress/me': only(ws),
  'GET /api/v1/workspaces/:workspaceId/progress/users/:userId': {
    prepare: (s) => Promise.resolve({ params: { ...ws(s), userId: s.team.users.member.id } }),
  },
  'GET /api/v1/workspaces/:workspaceId/progress/leaderboard': only(ws, { query: { period: 'month' } }),
  'PATCH /api/v1/workspaces/:workspaceId/progress/settings': only(ws, { body: { showOnLeaderboard: true } }),
  'GET /api/v1/workspaces/:workspaceId/progress/quest': only(ws),
};

export const teamBase = (team: TeamFixture): Base => ({
  workspaceId: team.workspaceId,
  projectId: team.projectId,
  taskId: team.taskId,
});

/** An editor other than `who`, to author resources that are not the actor's own. */
export const someoneElse = (team: TeamFixture, who: Who): TestUser =>
  who === 'member' ? team.users.admin : team.users.member;

export function fillPath(route: RegisteredRoute, params: Record<string, string>): string {
  const path = `${route.basePath}${route.spec.path}`.replace(/:(\w+)/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${routeKey(route)}: the recipe gave no value for :${name}`);
    return value;
  });
  return path;
}

/** Prepares and sends one real request to `route` as `who`; `mine` picks the actor's own resource. */
export async function callRoute(
  api: TestApi,
  team: TeamFixture,
  route: RegisteredRoute,
  who: Who,
  mine = false,
  variant?: string,
) {
  const recipe = ROUTE_CASES[routeKey(route)];
  if (!recipe)
    throw new Error(
      `No request recipe for ${routeKey(route)}: add one to ROUTE_CASES in test/route-requests.ts`,
    );
  const prepare = variant === undefined ? (s: Scene) => recipe.prepare(s) : recipe.variants?.[variant];
  if (!prepare) throw new Error(`No request variant '${variant}' for ${routeKey(route)}`);
  const base = recipe.fresh ? await freshWorkspace(api, team) : teamBase(team);
  const actor = team.users[who];
  const scene: Scene = { api, team, base, actor, mine, author: mine ? actor : someoneElse(team, who) };
  const prepared = await prepare(scene);
  const path = fillPath(route, prepared.params);
  const upload = (file: NonNullable<Prepared['file']>) => {
    const req = api.http()[route.spec.method](path);
    return req
      .query(prepared.query ?? {})
      .set(auth(actor))
      .attach(file.field, file.content, file.name);
  };
  const res = prepared.file
    ? await upload(prepared.file)
    : await send(api, actor, route.spec.method, path, prepared.body, prepared.query);
  return { res, prepared, scene };
}
