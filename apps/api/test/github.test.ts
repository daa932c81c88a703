import { Webhooks } from '@octokit/webhooks';
import { sql } from 'drizzle-orm';
import { runCleanup } from '@teamflow/core/maintenance/cleanup';
import { auth, createTeam, startApi, V1, type TeamFixture, type TestApi } from './harness';
import { deliveryId, pullRequestEvent, pushEvent } from './github-payloads';
import { expectPagingRefused, pageThrough } from './list-paging';

/**
 * The GitHub integration: settings for owners and admins, and GitHub's webhook verified by
 * `X-Hub-Signature-256`. Bodies are GitHub-shaped and signed by @octokit/webhooks with the secret
 * the settings show, exactly as GitHub signs them.
 */
let api: TestApi;
let team: TeamFixture;
let other: TeamFixture;
/** A project of the other workspace whose key ours does not have: its keys must never resolve here. */
let otherProjectId: string;

beforeAll(async () => {
  api = await startApi();
  [team, other] = await Promise.all([createTeam(api), createTeam(api)]);
  const project = await api
    .http()
    .post(`${V1}/workspaces/${other.workspaceId}/projects`)
    .set(auth(other.users.owner))
    .send({ name: 'Elsewhere', key: 'ELSE' });
  otherProjectId = project.body.id;
});
afterAll(() => api.close());

const settingsPath = (ws: string) => `${V1}/workspaces/${ws}/integrations/github`;
const hookPath = (ws: string) => `${V1}/integrations/github/${ws}/webhook`;

async function settings(t: TeamFixture) {
  const res = await api.http().get(settingsPath(t.workspaceId)).set(auth(t.users.admin));
  expect(res.status).toBe(200);
  return res.body as { enabled: boolean; webhookUrl: string; secret: string };
}

async function setEnabled(t: TeamFixture, enabled: boolean) {
  const res = await api.http().put(settingsPath(t.workspaceId)).set(auth(t.users.owner)).send({ enabled });
  expect(res.status).toBe(200);
  return res.body as { enabled: boolean; secret: string };
}

/** POSTs a body as GitHub does: the raw JSON, signed, with the event and delivery headers. */
async function deliver(
  ws: string,
  event: string,
  payload: unknown,
  opts: { secret?: string; signature?: string | null; id?: string } = {},
) {
  const body = JSON.stringify(payload);
  const signature =
    opts.signature === undefined ? await new Webhooks({ secret: opts.secret! }).sign(body) : opts.signature;
  let req = api
    .http()
    .post(hookPath(ws))
    .set('Content-Type', 'application/json')
    .set('User-Agent', 'GitHub-Hookshot/7a1f6e2')
    .set('X-GitHub-Event', event)
    .set('X-GitHub-Delivery', opts.id ?? deliveryId())
    .set('X-GitHub-Hook-ID', '460386732');
  if (signature !== null) req = req.set('X-Hub-Signature-256', signature);
  return req.send(body);
}

async function newTask(t: TeamFixture, title: string, projectId = t.projectId) {
  const res = await api
    .http()
    .post(`${V1}/projects/${projectId}/tasks`)
    .set(auth(t.users.member))
    .send({ title });
  expect(res.status).toBe(201);
  return res.body as { id: string; key: string; status: string; version: number };
}

const developmentOf = async (taskId: string, t = team) => {
  const res = await api.http().get(`${V1}/tasks/${taskId}/development`).set(auth(t.users.viewer));
  expect(res.status).toBe(200);
  return res.body.items as {
    kind: string;
    repository: string;
    ref: string;
    url: string;
    title: string;
    state: string | null;
    author: string | null;
  }[];
};
const taskOf = async (taskId: string) =>
  (await api.http().get(`${V1}/tasks/${taskId}`).set(auth(team.users.owner))).body as {
    status: string;
    version: number;
  };

describe('settings', () => {
  it('shows owners and admins the webhook URL and a secret, off until turned on, the same on every read', async () => {
    const first = await settings(team);
    expect(first.enabled).toBe(false);
    expect(first.webhookUrl).toMatch(
      new RegExp(`^https?://.+/api/v1/integrations/github/${team.workspaceId}/webhook$`),
    );
    expect(first.secret).toMatch(/^[0-9a-f]{64}$/);
    expect((await settings(team)).secret).toBe(first.secret);
  });

  it('refuses members and viewers (403) and strangers (404)', async () => {
    for (const role of ['member', 'viewer'] as const) {
      const res = await api.http().get(settingsPath(team.workspaceId)).set(auth(team.users[role]));
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
    const res = await api.http().put(settingsPath(team.workspaceId)).set(auth(team.users.stranger)).send({
      enabled: true,
    });
    expect(res.status).toBe(404);
  });

  it('rejects a body without a boolean `enabled` with 400', async () => {
    const res = await api
      .http()
      .put(settingsPath(team.workspaceId))
      .set(auth(team.users.owner))
      .send({ enabled: 'yes' });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'enabled' })]);
  });
});

describe('the webhook while the integration is off', () => {
  it('still refuses a bad signature with 401, and ignores a good one without linking anything', async () => {
    const { secret } = await setEnabled(team, false);
    const task = await newTask(team, 'Off-time work');
    const bad = await deliver(team.workspaceId, 'push', pushEvent([`${task.key} wip`]), {
      secret: 'not-the-secret',
    });
    expect(bad.status).toBe(401);
    expect(bad.body.error.code).toBe('UNAUTHORIZED');
    const good = await deliver(team.workspaceId, 'push', pushEvent([`${task.key} wip`]), { secret });
    expect(good.status).toBe(200);
    expect(good.body).toEqual({ status: 'ignored', linked: 0, done: [] });
    expect(await developmentOf(task.id)).toEqual([]);
  });
});

describe('the webhook', () => {
  let secret: string;
  beforeAll(async () => {
    secret = (await setEnabled(team, true)).secret;
  });

  it('answers GitHub’s ping', async () => {
    const res = await deliver(
      team.workspaceId,
      'ping',
      { zen: 'Design for failure.', hook_id: 460386732 },
      { secret },
    );
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ignored');
  });

  it('refuses a missing signature, a wrong one, and one made with another workspace’s secret (401)', async () => {
    const payload = pushEvent(['CORE-1 nothing']);
    const otherSecret = (await settings(other)).secret;
    for (const res of [
      await deliver(team.workspaceId, 'push', payload, { signature: null }),
      await deliver(team.workspaceId, 'push', payload, { signature: 'sha256=' + '0'.repeat(64) }),
      await deliver(team.workspaceId, 'push', payload, { signature: 'garbage' }),
      await deliver(team.workspaceId, 'push', payload, { secret: otherSecret }),
    ]) {
      expect(res.status).toBe(401);
      expect(res.body.error).toEqual(
        expect.objectContaining({ code: 'UNAUTHORIZED', requestId: expect.any(String) }),
      );
    }
  });

  it('refuses a workspace with no integration (401, like a bad signature) and a body that is not JSON (415)', async () => {
    const unknown = await deliver('6f1c1b7e-8a44-4d0e-9b8e-1f0f3f0c2a11', 'push', pushEvent([]), { secret });
    expect(unknown.status).toBe(401);
    const form = await api
      .http()
      .post(hookPath(team.workspaceId))
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .set('X-GitHub-Event', 'push')
      .set('X-GitHub-Delivery', deliveryId())
      .send('payload=%7B%7D');
    expect(form.status).toBe(415);
  });

  it('links a pushed commit to the task its message names, and nothing for unknown keys or another workspace’s keys', async () => {
    const task = await newTask(team, 'Login page');
    const foreign = await newTask(other, 'Their task', otherProjectId);
    const payload = pushEvent([
      `${task.key}: add the login page\n\nLonger description.`,
      'CORE-99999 does not exist',
      `${foreign.key} belongs to another workspace`,
    ]);
    const res = await deliver(team.workspaceId, 'push', payload, { secret });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'processed', linked: 1, done: [] });
    const commit = payload.commits[0]!;
    expect(await developmentOf(task.id)).toEqual([
      expect.objectContaining({
        kind: 'commit',
        repository: 'octo-org/teamflow-app',
        ref: commit.id,
        url: commit.url,
        title: `${task.key}: add the login page`,
        state: null,
        author: 'ana-dev',
      }),
    ]);
    expect(await developmentOf(foreign.id, other)).toEqual([]);
  });

  it("pages a task's commits and pull requests oldest first with ?limit= and ?cursor=, each once; bad paging is a 400", async () => {
    const task = await newTask(team, 'Many commits');
    const res = await deliver(
      team.workspaceId,
      'push',
      pushEvent([1, 2, 3, 4, 5].map((n) => `${task.key} step ${n}`)),
      { secret },
    );
    expect(res.body).toEqual({ status: 'processed', linked: 5, done: [] });
    const { rows: made } = await api.deps.pool.query<{ id: string }>(
      'select id from task_development_links where task_id = $1 order by id',
      [task.id],
    );
    // Linked in one transaction, so mostly at one instant (ties go by id); one a microsecond later.
    await api.deps.pool.query(
      `update task_development_links set created_at = case when id = $3 then '2026-01-01T00:00:00.000201Z'::timestamptz
                                                           else '2026-01-01T00:00:00.000200Z'::timestamptz end
        where id in ($1, $2, $3)`,
      [made[0]!.id, made[4]!.id, made[2]!.id],
    );
    const { rows } = await api.deps.pool.query<{ ref: string }>(
      'select ref from task_development_links where task_id = $1 order by created_at, id',
      [task.id],
    );
    const order = rows.map((r) => r.ref);
    expect(order).toHaveLength(5);
    const path = `${V1}/tasks/${task.id}/development`;
    expect((await developmentOf(task.id)).map((l) => l.ref)).toEqual(order);
    for (const limit of [1, 2, 4]) {
      const pages = await pageThrough<{ ref: string }>(api, team.users.viewer, path, limit);
      expect(pages.flatMap((p) => p.items.map((l) => l.ref))).toEqual(order);
      expect(pages).toHaveLength(Math.ceil(5 / limit));
      expect(pages.at(-1)!.nextCursor).toBeNull();
    }
    // Members page by (joined, id): a cursor of the same shape that is still not this list's.
    const members = await api
      .http()
      .get(`${V1}/workspaces/${team.workspaceId}/members?limit=1`)
      .set(auth(team.users.viewer));
    await expectPagingRefused(api, team.users.viewer, path, members.body.nextCursor);
  });

  it('does nothing twice when GitHub redelivers the same delivery', async () => {
    const task = await newTask(team, 'Redelivered');
    const id = deliveryId();
    const payload = pullRequestEvent('closed', {
      number: 41,
      title: 'Finish it',
      body: `Fixes ${task.key}`,
      merged: true,
    });
    const first = await deliver(team.workspaceId, 'pull_request', payload, { secret, id });
    expect(first.body).toEqual({ status: 'processed', linked: 1, done: [task.key] });
    const events = await outboxCount(task.id);
    const again = await deliver(team.workspaceId, 'pull_request', payload, { secret, id });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ status: 'duplicate', linked: 0, done: [] });
    expect(await outboxCount(task.id)).toBe(events);
    expect(await developmentOf(task.id)).toHaveLength(1);
  });

  it('links an opened pull request by its title or body and follows its state; merged with "fixes KEY" moves the task to done as GitHub', async () => {
    const task = await newTask(team, 'Password reset');
    const mentioned = await newTask(team, 'Only mentioned');
    const body = `Resolves ${task.key}.\n\nAlso touches ${mentioned.key}.`;
    const opened = await deliver(
      team.workspaceId,
      'pull_request',
      pullRequestEvent('opened', { number: 7, title: 'Password reset flow', body }),
      { secret },
    );
    expect(opened.body).toEqual({ status: 'processed', linked: 2, done: [] });
    expect(await developmentOf(task.id)).toEqual([
      expect.objectContaining({
        kind: 'pull_request',
        ref: '7',
        state: 'open',
        title: 'Password reset flow',
      }),
    ]);
    expect((await taskOf(task.id)).status).toBe('todo');
    const before = await taskOf(task.id);

    const merged = await deliver(
      team.workspaceId,
      'pull_request',
      pullRequestEvent('closed', { number: 7, title: 'Password reset flow', body, merged: true }),
      { secret },
    );
    expect(merged.body).toEqual({ status: 'processed', linked: 2, done: [task.key] });
    const after = await taskOf(task.id);
    expect(after.status).toBe('done');
    expect(after.version).toBe(before.version + 1);
    expect((await taskOf(mentioned.id)).status).toBe('todo');
    expect(await developmentOf(task.id)).toEqual([
      expect.objectContaining({
        ref: '7',
        state: 'merged',
        url: 'https://github.com/octo-org/teamflow-app/pull/7',
      }),
    ]);

    const activity = await api.http().get(`${V1}/tasks/${task.id}/activity`).set(auth(team.users.viewer));
    const move = (
      activity.body.items as { action: string; actor: unknown; changes: Record<string, unknown> }[]
    ).find((a) => a.action === 'moved');
    expect(move).toEqual(
      expect.objectContaining({
        actor: null,
        changes: expect.objectContaining({
          status: { from: 'todo', to: 'done' },
          integration: 'github',
          pullRequest: {
            repository: 'octo-org/teamflow-app',
            number: 7,
            url: 'https://github.com/octo-org/teamflow-app/pull/7',
          },
        }),
      }),
    );
    const rows = await api.deps.db.execute<{ type: string; actor: unknown }>(
      sql`select type, payload->'actor' as actor from outbox where entity_id = ${task.id} and type = 'TASK_MOVED'`,
    );
    expect(rows.rows).toEqual([{ type: 'TASK_MOVED', actor: null }]);
  });

  it('does not move a task when the pull request is closed without merging', async () => {
    const task = await newTask(team, 'Abandoned');
    const res = await deliver(
      team.workspaceId,
      'pull_request',
      pullRequestEvent('closed', { number: 8, title: `Fixes ${task.key}`, body: null, merged: false }),
      { secret },
    );
    expect(res.body).toEqual({ status: 'processed', linked: 1, done: [] });
    expect((await taskOf(task.id)).status).toBe('todo');
    expect(await developmentOf(task.id)).toEqual([expect.objectContaining({ state: 'closed' })]);
  });

  it('does not close another workspace’s task named in a merged pull request', async () => {
    const foreign = await newTask(other, 'Theirs', otherProjectId);
    const res = await deliver(
      team.workspaceId,
      'pull_request',
      pullRequestEvent('closed', { number: 9, title: 'Cleanup', body: `fixes ${foreign.key}`, merged: true }),
      { secret },
    );
    expect(res.body).toEqual({ status: 'processed', linked: 0, done: [] });
    const theirs = await api.http().get(`${V1}/tasks/${foreign.id}`).set(auth(other.users.owner));
    expect(theirs.body.status).toBe('todo');
  });

  it('answers a payload without the fields it reads with 400 naming them, and records nothing', async () => {
    const id = deliveryId();
    const res = await deliver(
      team.workspaceId,
      'push',
      { ref: 'refs/heads/main', commits: [] },
      { secret, id },
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'repository' })]);
    const recorded = await api.deps.db.execute(
      sql`select 1 from github_deliveries where delivery_id = ${id}`,
    );
    expect(recorded.rows).toHaveLength(0);
  });

  it('refuses requests signed with the old secret once it is rotated', async () => {
    const rotated = await api
      .http()
      .post(`${settingsPath(team.workspaceId)}/rotate-secret`)
      .set(auth(team.users.admin));
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(secret);
    expect(rotated.body.enabled).toBe(true);
    const old = await deliver(team.workspaceId, 'push', pushEvent([]), { secret });
    expect(old.status).toBe(401);
    const fresh = await deliver(team.workspaceId, 'push', pushEvent([]), { secret: rotated.body.secret });
    expect(fresh.status).toBe(200);
    secret = rotated.body.secret;
  });
});

async function outboxCount(taskId: string): Promise<number> {
  const rows = await api.deps.db.execute<{ n: number }>(
    sql`select count(*)::int as n from outbox where entity_id = ${taskId}`,
  );
  return rows.rows[0]!.n;
}

it('forgets delivery ids after a week (GitHub redelivers for three days), keeping recent ones', async () => {
  await api.deps.db.execute(sql`
    insert into github_deliveries (workspace_id, delivery_id, event, received_at) values
      (${team.workspaceId}, 'old-delivery', 'push', now() - interval '8 days'),
      (${team.workspaceId}, 'recent-delivery', 'push', now() - interval '2 days')`);
  await runCleanup({ db: api.deps.db }, { commentRetentionDays: 30, activityRetentionDays: 365 });
  const left = await api.deps.db.execute<{ delivery_id: string }>(
    sql`select delivery_id from github_deliveries where delivery_id in ('old-delivery', 'recent-delivery')`,
  );
  expect(left.rows).toEqual([{ delivery_id: 'recent-delivery' }]);
});
