import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { Test } from 'supertest';
import { LOCAL_MODEL } from '@teamflow/ai/local/local.provider';
import { localBreakdown } from '@teamflow/ai/local/breakdown.rules';
import { insertAiJob } from '@teamflow/core/ai/ai.repository';
import { finishJob, stageJob } from '@teamflow/core/jobs/job-outbox.repository';
import { digestJob } from '@teamflow/queue/jobs';
import { auth, registerUser, V1, type TeamFixture, type TestApi, type TestUser } from './harness';
import { send, tag, type Who } from './route-requests';

/**
 * The scene a route case runs in (whose workspace, who acts, whose resource is targeted) and the
 * fresh resources cases create, so a destructive call never breaks the next case.
 */

/** A setup call that must succeed; its body. */
export async function must(req: Test): Promise<Record<string, unknown>> {
  const r = await req;
  if (r.status >= 300)
    throw new Error(`setup ${req.method} ${req.url} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as Record<string, unknown>;
}
/** A created resource's id. */
export const id = (body: Record<string, unknown>) => String(body.id);

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

export const teamBase = (team: TeamFixture): Base => ({
  workspaceId: team.workspaceId,
  projectId: team.projectId,
  taskId: team.taskId,
});

/** An editor other than `who`, to author resources that are not the actor's own. */
export const someoneElse = (team: TeamFixture, who: Who): TestUser =>
  who === 'member' ? team.users.admin : team.users.member;

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

export const freshKey = () => `K${tag().toUpperCase()}`;
/** The team's owner: who creates what a case needs when nobody in particular must. */
export const owner = (s: Scene) => s.team.users.owner;

export const freshTask = async (s: Scene, by: TestUser = owner(s)) =>
  must(send(s.api, by, 'post', `${V1}/projects/${s.base.projectId}/tasks`, { title: `Task ${tag()}` }));
export const freshProject = (s: Scene) =>
  must(
    send(s.api, owner(s), 'post', `${V1}/workspaces/${s.base.workspaceId}/projects`, {
      name: `Project ${tag()}`,
      key: freshKey(),
    }),
  );
export const freshSprint = (s: Scene) =>
  must(
    send(s.api, owner(s), 'post', `${V1}/projects/${s.base.projectId}/sprints`, { name: `Sprint ${tag()}` }),
  );
export const freshTemplate = (s: Scene) =>
  must(
    send(s.api, owner(s), 'post', `${V1}/projects/${s.base.projectId}/templates`, {
      name: `Template ${tag()}`,
      titlePattern: 'Weekly review {{date}}',
    }),
  );
/** A fresh task made to recur daily (`every`). */
export const recurringTask = async (s: Scene) => {
  const t = await freshTask(s);
  await must(send(s.api, owner(s), 'put', `${V1}/tasks/${id(t)}/recurrence`, { rule: 'FREQ=DAILY' }));
  return t;
};
export const freshComment = (s: Scene, by: TestUser) =>
  must(send(s.api, by, 'post', `${V1}/tasks/${s.base.taskId}/comments`, { body: `Comment ${tag()}` }));
export const freshLabel = (s: Scene) =>
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
export const WEBHOOK_URL = 'http://203.0.113.10/hooks';
export const freshWebhook = (s: Scene) =>
  must(
    send(s.api, owner(s), 'post', `${V1}/workspaces/${s.base.workspaceId}/webhooks`, {
      url: WEBHOOK_URL,
      events: ['task.created'],
    }),
  );
/** A delivery row as the relay would stage it (no relay runs in the matrix). */
export async function freshDelivery(s: Scene, webhookId: string): Promise<string> {
  const result = await s.api.deps.pool.query<{ id: string }>(
    `insert into webhook_deliveries (webhook_id, workspace_id, event, body, status, attempts)
     values ($1, $2, 'task.created', '{}', 'failed', 5) returning id`,
    [webhookId, s.base.workspaceId],
  );
  return result.rows[0]!.id;
}
export const freshInvitation = async (s: Scene) =>
  (
    await must(
      send(s.api, owner(s), 'post', `${V1}/workspaces/${s.base.workspaceId}/invitations`, {
        email: `inv-${tag()}@example.test`,
      }),
    )
  ).invitation as Record<string, unknown>;
/** A newly registered user who joined the case's workspace as a member. */
export async function freshMember(s: Scene): Promise<TestUser> {
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
export async function taskWithCommit(s: Scene): Promise<void> {
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
export async function completedDigestJob(s: Scene): Promise<string> {
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
