import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import { stageJob } from '@teamflow/core/jobs/job-outbox.repository';
import { createJobRelay, type JobRelay } from '@teamflow/core/jobs/job-relay';
import { sendNotificationDigests } from '@teamflow/core/notifications/send-digests';
import { dispatchNotificationsJob, notificationDigestJob } from '@teamflow/queue/jobs';
import { closeQueues, createQueues, enqueue, type Queues } from '@teamflow/queue/producer';
import { allHandlers } from '../src/handlers/index';
import { startWorkers, type Runtime } from '../src/runtime';
import { quietLogger, until, isolatedSuite } from './support';

/**
 * The notification jobs through the real pipeline: job outbox → relay → BullMQ → worker runtime
 * → PostgreSQL, and the digest email out over SMTP to a real SMTP server in this process.
 */

// Its own database: it runs a job relay (see isolatedSuite).
let suite: Awaited<ReturnType<typeof isolatedSuite>>;
let env: typeof suite.env;
let db: typeof suite.db;
const received: { to: string[]; raw: string }[] = [];
const decodeQp = (raw: string) =>
  raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      received.push({
        to: session.envelope.rcptTo.map((r) => r.address),
        raw: decodeQp(Buffer.concat(chunks).toString('utf8')),
      });
      callback();
    });
  },
});
let queues: Queues;
let runtime: Runtime;
let relay: JobRelay;

const q = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  (await db.pool.query(text, params)).rows as T[];

interface Scene {
  workspaceId: string;
  projectId: string;
  taskId: string;
  actor: { id: string; name: string };
  people: { id: string; email: string; name: string }[];
}

/** A workspace with an actor and `n` other members, a project and one task. */
async function scene(n: number): Promise<Scene> {
  const tag = randomUUID().slice(0, 8);
  const user = async (name: string) =>
    (
      await q<{ id: string; email: string; name: string }>(
        `insert into users (email, name) values ($1, $2) returning id, email, name`,
        [`${name.toLowerCase()}-${tag}@example.test`, name],
      )
    )[0]!;
  const actor = await user('Ada');
  const people = [];
  for (let i = 0; i < n; i++) people.push(await user(`Person${i}`));
  const [ws] = await q<{ id: string }>(
    `insert into workspaces (name, slug, created_by) values ('N', $1, $2) returning id`,
    [`n-${tag}`, actor.id],
  );
  for (const u of [actor, ...people])
    await q(`insert into workspace_members (workspace_id, user_id, role) values ($1, $2, 'member')`, [
      ws!.id,
      u.id,
    ]);
  const [project] = await q<{ id: string }>(
    `insert into projects (workspace_id, key, name, created_by) values ($1, 'WEB', 'Web', $2) returning id`,
    [ws!.id, actor.id],
  );
  const [task] = await q<{ id: string }>(
    `insert into tasks (workspace_id, project_id, number, title, position, created_by)
     values ($1, $2, 7, 'Fix the login page', 1, $3) returning id`,
    [ws!.id, project!.id, actor.id],
  );
  return { workspaceId: ws!.id, projectId: project!.id, taskId: task!.id, actor, people };
}

beforeAll(async () => {
  suite = await isolatedSuite('wnotify');
  ({ env, db } = suite);
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  queues = createQueues(env.REDIS_URL, env.REDIS_KEY_PREFIX);
  runtime = startWorkers({
    redisUrl: env.REDIS_URL,
    redisKeyPrefix: env.REDIS_KEY_PREFIX,
    logger: quietLogger(),
    registrations: allHandlers(db.db, {
      ...env,
      SMTP_URL: smtpUrl,
      MAIL_FROM: 'TeamFlow <no-reply@teamflow.test>',
      NOTIFICATION_EMAIL_DELAY: 0,
      WEB_ORIGIN: 'http://web.test',
    }),
  });
  relay = createJobRelay({ db: db.db, logger: quietLogger() }, queues, { idleMs: 50 });
  relay.start();
});
afterAll(async () => {
  await relay.stop();
  await runtime.close(5000);
  for (const queue of Object.values(queues)) await queue.obliterate({ force: true }).catch(() => undefined);
  await closeQueues(queues);
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await db.close();
  await suite.drop();
});

const notificationsOf = (userId: string) =>
  q<{ id: string; type: string; emailed_at: Date | null; read_at: Date | null }>(
    `select id, type, emailed_at, read_at from notifications where user_id = $1 order by created_at`,
    [userId],
  );

describe('notifications/dispatch through the worker', () => {
  it('writes the assignees’ notifications once when the same staged job is relayed and run', async () => {
    const s = await scene(2);
    const payload = {
      kind: 'assigned' as const,
      changeId: randomUUID(),
      workspaceId: s.workspaceId,
      taskId: s.taskId,
      actorId: s.actor.id,
      userIds: [s.people[0]!.id, s.people[1]!.id, s.actor.id],
    };
    await stageJob(db.db, dispatchNotificationsJob, payload);
    // The same change again (a job retried after its worker died): the dedupe key holds.
    await enqueue(queues, dispatchNotificationsJob, payload);
    await until(async () => (await notificationsOf(s.people[1]!.id)).length === 1, 15000, 'notifications');
    await until(
      async () => ((await queues.notifications.getJobCounts('completed')).completed ?? 0) >= 2,
      15000,
      'both jobs to complete',
    );
    expect(await notificationsOf(s.people[0]!.id)).toEqual([expect.objectContaining({ type: 'assigned' })]);
    expect(await notificationsOf(s.people[1]!.id)).toHaveLength(1);
    expect(await notificationsOf(s.actor.id)).toEqual([]);
    const events = await q(`select payload from outbox where type = 'NOTIFICATION' and workspace_id = $1`, [
      s.workspaceId,
    ]);
    expect(events).toHaveLength(2);
  });

  it('marks the staged job done in the transaction that writes the notifications, so the job added again after it ran writes nothing', async () => {
    const s = await scene(1);
    const payload = {
      kind: 'assigned' as const,
      changeId: randomUUID(),
      workspaceId: s.workspaceId,
      taskId: s.taskId,
      actorId: s.actor.id,
      userIds: [s.people[0]!.id],
    };
    await stageJob(db.db, dispatchNotificationsJob, payload);
    const [row] = await q<{ id: string }>(`select max(id) id from job_outbox where name = 'dispatch'`);
    await until(async () => (await notificationsOf(s.people[0]!.id)).length === 1, 15000, 'the notification');
    expect((await q(`select state from job_outbox where id = $1`, [row!.id]))[0]).toEqual({ state: 'done' });
    // The notifications commit while the job still runs; BullMQ will not remove an active job
    // (it is locked), and the add below would then be no new run at all: wait for its end.
    await until(
      async () => (await queues.notifications.getJobState(`outbox-${row!.id}`)) === 'completed',
      15000,
      'the first run to complete',
    );
    // As if a reconciler had re-added it (Redis lost it while it ran), with the dedupe key out of
    // the way: the claim alone keeps the work from being done twice.
    await q(`delete from notifications where user_id = $1`, [s.people[0]!.id]);
    expect(await queues.notifications.remove(`outbox-${row!.id}`)).toBe(1);
    await enqueue(queues, dispatchNotificationsJob, payload, { jobId: `outbox-${row!.id}` });
    await until(
      async () => (await queues.notifications.getJobState(`outbox-${row!.id}`)) === 'completed',
      15000,
      'the second run',
    );
    expect(await notificationsOf(s.people[0]!.id)).toEqual([]);
  });
});

describe('notification digest email', () => {
  it('emails one digest per user over SMTP with the task links, stamps emailed_at, and sends nothing on a second pass', async () => {
    const s = await scene(2);
    const [ana, ben] = s.people;
    // Ben gets no email for comments.
    await q(
      `insert into notification_preferences (user_id, type, in_app, email) values ($1, 'commented', true, false)`,
      [ben!.id],
    );
    const insert = (userId: string, type: string, data: Record<string, unknown>) =>
      q(
        `insert into notifications (workspace_id, user_id, type, task_id, actor_id, data, dedupe_key, created_at)
         values ($1, $2, $3, $4, $5, $6, $7, now() - interval '40 minutes')`,
        [s.workspaceId, userId, type, s.taskId, s.actor.id, data, `t:${randomUUID()}`],
      );
    const data = {
      taskKey: 'WEB-7',
      taskTitle: 'Fix the login page',
      projectId: s.projectId,
      actorName: 'Ada',
    };
    await insert(ana!.id, 'assigned', data);
    await insert(ana!.id, 'commented', { ...data, excerpt: 'Ready for review' });
    await insert(ben!.id, 'commented', { ...data, excerpt: 'Not for email' });
    // Read notifications are never emailed.
    await insert(ben!.id, 'assigned', data);
    await q(`update notifications set read_at = now() where user_id = $1 and type = 'assigned'`, [ben!.id]);

    await enqueue(queues, notificationDigestJob, {});
    await until(() => received.some((m) => m.to.includes(ana!.email)), 15000, 'the digest email');
    const mail = received.find((m) => m.to.includes(ana!.email))!;
    expect(mail.raw).toMatch(/^Subject: TeamFlow: 2 unread notifications/m);
    expect(mail.raw).toContain('Ada assigned you to WEB-7 Fix the login page');
    expect(mail.raw).toContain('Ada commented on WEB-7 Fix the login page: "Ready for review"');
    const taskLink = `http://web.test/w/${s.workspaceId}/p/${s.projectId}?task=${s.taskId}`;
    expect(mail.raw).toContain(taskLink);
    expect(mail.raw).toContain(`<a href="${taskLink.replace(/&/g, '&amp;')}">`);
    expect(mail.raw).toContain('http://web.test/notifications');
    expect(mail.raw).toMatch(/^X-TeamFlow-Template: notification-digest/im);
    expect(mail.raw).toMatch(/^Content-Type: text\/html/m);

    for (const n of await notificationsOf(ana!.id)) expect(n.emailed_at).not.toBeNull();
    // Ben's only unread one has email off: decided (stamped), not sent.
    const benRows = await notificationsOf(ben!.id);
    expect(benRows.find((n) => n.type === 'commented')!.emailed_at).not.toBeNull();
    expect(benRows.find((n) => n.type === 'assigned')!.emailed_at).toBeNull();

    // Another pass (a retry, or the next quarter hour) finds nothing.
    const again = await sendNotificationDigests(
      { db: db.db },
      { delayMinutes: 0, webOrigin: 'http://web.test' },
    );
    expect(again.emails).toBe(0);
    // Not a fixed wait: every job staged so far is relayed and every email job has finished, so a
    // second message would have been sent by now.
    await until(
      async () => {
        const [staged] = await q<{ n: number }>(
          `select count(*)::int as n from job_outbox where enqueued_at is null`,
        );
        const counts = await queues.email.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        return staged!.n === 0 && Object.values(counts).every((n) => n === 0);
      },
      15000,
      'every staged job relayed and every email sent',
    );
    expect(received.filter((m) => m.to.includes(ana!.email) || m.to.includes(ben!.email))).toHaveLength(1);
  });

  it('waits NOTIFICATION_EMAIL_DELAY before including a notification', async () => {
    const s = await scene(1);
    const [cy] = s.people;
    await q(
      `insert into notifications (workspace_id, user_id, type, task_id, data, dedupe_key, created_at)
       values ($1, $2, 'due_soon', $3, '{}', $4, now() - interval '10 minutes')`,
      [s.workspaceId, cy!.id, s.taskId, `d:${randomUUID()}`],
    );
    const staged = () =>
      q(`select id from job_outbox where name = 'send' and payload->>'to' = $1`, [cy!.email]).then(
        (r) => r.length,
      );
    await sendNotificationDigests({ db: db.db }, { delayMinutes: 30, webOrigin: 'http://web.test' });
    expect(await staged()).toBe(0);
    await sendNotificationDigests(
      { db: db.db },
      { delayMinutes: 30, webOrigin: 'http://web.test', now: new Date(Date.now() + 25 * 60_000) },
    );
    expect(await staged()).toBe(1);
  });
});
