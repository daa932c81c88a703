import { spawn, type ChildProcess, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import net from 'node:net';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { PROCESS_START_MS } from '@teamflow/core/testing/process-start';
import { createJobRelay, type JobRelay } from '@teamflow/core/jobs/job-relay';
import { closeQueues, createQueues, type Queues } from '@teamflow/queue/producer';
import { freePort } from '@teamflow/local-services';
import { PrivateRedis } from '../../api/test/private-redis';
import { effectJob, effectLedger } from './fixtures/effect-job';
import { isolatedSuite, quietLogger, recoveryFigure, until } from './support';

/**
 * A failover with asynchronous replication: the replica is promoted while it lags, so writes the
 * primary acknowledged (jobs the relay added and stamped `enqueued`) never reach it. Clients reach
 * Redis through one address (a TCP proxy here; DNS or a Sentinel-aware client in production), which
 * now leads to the promoted replica, a server with another run id. Nothing is restarted by hand;
 * every job still runs, each effect once.
 */

/** One address in front of whichever server is primary; a switch drops every open connection. */
class FailoverAddress {
  private target: number;
  private readonly sockets = new Set<net.Socket>();
  private readonly server: net.Server;
  private constructor(
    readonly port: number,
    target: number,
  ) {
    this.target = target;
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target, '127.0.0.1');
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
  }
  static async start(target: number): Promise<FailoverAddress> {
    const address = new FailoverAddress(await freePort(), target);
    await new Promise<void>((resolve) => address.server.listen(address.port, '127.0.0.1', resolve));
    return address;
  }
  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }
  switchTo(target: number): void {
    this.target = target;
    for (const s of this.sockets) s.destroy();
  }
  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

let suite: Awaited<ReturnType<typeof isolatedSuite>>;
let primary: PrivateRedis;
let replica: ChildProcess;
let replicaPort: number;
let replicaDir: string;
let address: FailoverAddress;
let queues: Queues;
let relay: JobRelay;
let worker: ChildProcessWithoutNullStreams | undefined;
/** The test's own clients of each server, not through the failover address. */
const directClients: Redis[] = [];
const out = { text: '' };

beforeAll(async () => {
  suite = await isolatedSuite('redis_failover');
  primary = await PrivateRedis.start();
  replicaPort = await freePort();
  replicaDir = mkdtempSync(join(tmpdir(), 'tf-replica-'));
  replica = spawn(
    'redis-server',
    [
      ...['--port', String(replicaPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      ...['--replicaof', '127.0.0.1', String(primary.port)],
      // A full sync lands in the replica's directory: a temporary one, not the working tree.
      ...['--dir', replicaDir],
    ],
    { stdio: 'ignore' },
  );
  address = await FailoverAddress.start(primary.port);
  queues = createQueues(address.url, suite.env.REDIS_KEY_PREFIX);
  await suite.db.pool.query(
    'create table if not exists job_effects (job_id text primary key, runs int not null default 0)',
  );
  relay = createJobRelay({ db: suite.db.db, logger: quietLogger() }, queues, {
    jobs: [effectJob],
    idleMs: 100,
    maxBackoffMs: 500,
    enqueueTimeoutMs: 1000,
  });
  worker = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'fixtures', 'effect-worker.ts')], {
    env: {
      ...process.env,
      DATABASE_URL: suite.env.DATABASE_URL,
      REDIS_URL: address.url,
      REDIS_KEY_PREFIX: suite.env.REDIS_KEY_PREFIX,
    },
  });
  worker.stdout.on('data', (d: Buffer) => (out.text += d.toString()));
  worker.stderr.on('data', (d: Buffer) => (out.text += d.toString()));
  await until(() => out.text.includes('effect worker ready'), PROCESS_START_MS, 'the worker');
  relay.start();
}, PROCESS_START_MS + 40_000);

afterAll(async () => {
  // Here, not only where the test is done with them, which a failed assertion skips: once the
  // servers are killed below, ioredis would reconnect forever and keep jest from exiting.
  // Not a second time for those it closed: that would leave ioredis's 2 s disconnect timer behind.
  for (const client of directClients) if (client.status !== 'end') client.disconnect();
  if (worker && worker.exitCode === null) worker.kill('SIGKILL');
  await relay?.stop();
  await closeQueues(queues).catch(() => undefined);
  await address?.close();
  await primary?.kill();
  if (replica && replica.exitCode === null) {
    const exited = once(replica, 'exit');
    replica.kill('SIGKILL');
    await exited;
  }
  if (replicaDir) rmSync(replicaDir, { recursive: true, force: true });
  await suite?.db.close();
  await suite?.drop();
});

const stage = (count: number, holdMs: number) => effectLedger(suite).stage(count, holdMs);
const states = (ids: number[]) => effectLedger(suite).states(ids);

it('runs every job exactly once after a lagging replica is promoted and the acknowledged writes it never had are gone', async () => {
  const direct = { primary: new Redis(primary.url), replica: new Redis(`redis://127.0.0.1:${replicaPort}`) };
  directClients.push(direct.primary, direct.replica);
  await until(
    async () => /master_link_status:up/.test(await direct.replica.info('replication')),
    15_000,
    'the replica to follow the primary',
  );
  // Replicated: five start (2 s each), the rest wait.
  const replicated = await stage(8, 2000);
  await until(async () => (await states(replicated)).every((r) => r.state !== 'staged'), 10_000, 'the relay');
  await until(() => (out.text.match(/started outbox-/g) ?? []).length >= 5, 10_000, 'jobs to start');
  await direct.primary.wait(1, 2000);
  // The replica stops following (promoted early); what the primary acknowledges from now on is lost.
  await direct.replica.replicaof('NO', 'ONE');
  // Paused on the primary alone, so the worker takes nothing more from it before it dies: the jobs
  // staged next only ever exist there, however long the busy ones take to free a slot (2 s hold
  // or not, a slow machine can reach the kill after they finished and took the next ones).
  await queues.integrations.pause();
  const unreplicated = await stage(5, 10);
  await until(
    async () => (await states(unreplicated)).every((r) => r.state !== 'staged'),
    10_000,
    'the relay',
  );
  direct.primary.disconnect();
  direct.replica.disconnect();

  await primary.kill();
  address.switchTo(replicaPort);
  const switchedAt = Date.now();

  const all = [...replicated, ...unreplicated];
  await until(async () => (await states(all)).every((r) => r.state === 'done'), 30_000, 'every job done');
  recoveryFigure('failover: every lost job done', Date.now() - switchedAt);
  expect(Date.now() - switchedAt).toBeLessThan(30_000);
  const runs = await effectLedger(suite).runsOf(all);
  expect(runs.size).toBe(all.length);
  for (const count of runs.values()) expect(count).toBe(1);
  // The jobs the replica never had ran because the reconciler added them again.
  expect((await states(unreplicated)).every((r) => r.requeues > 0)).toBe(true);
  expect(worker!.exitCode).toBeNull();
}, 90_000);
