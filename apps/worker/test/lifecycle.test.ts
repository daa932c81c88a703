import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { PROCESS_START_MS } from '@teamflow/core/testing/process-start';

const WORKER = join(__dirname, '..', 'src', 'main.ts');

function startWorker(env: Record<string, string>): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', WORKER], {
    cwd: join(__dirname, '..'),
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
  });
}

function collect(child: ChildProcessWithoutNullStreams) {
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (d: Buffer) => (out.stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out.stderr += d.toString()));
  return out;
}

const exited = (child: ChildProcessWithoutNullStreams) =>
  new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

async function waitFor(predicate: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('worker process', () => {
  it(
    'connects to PostgreSQL and Redis, logs ready, and exits 0 on SIGTERM',
    async () => {
      const child = startWorker({});
      const out = collect(child);
      const exit = exited(child);
      await waitFor(() => out.stdout.includes('worker ready'), PROCESS_START_MS);
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
      expect(out.stdout).toContain('worker stopped');
      expect(out.stderr).toBe('');
    },
    PROCESS_START_MS + 30_000,
  );

  it(
    'refuses to start with one clear line when Redis is not answering',
    async () => {
      const child = startWorker({ REDIS_URL: 'redis://127.0.0.1:1' });
      const out = collect(child);
      expect(await exited(child)).toBe(1);
      expect(out.stderr.trim().split('\n')).toHaveLength(1);
      expect(out.stderr).toContain('Redis is not answering at redis://127.0.0.1:1');
    },
    PROCESS_START_MS + 30_000,
  );

  it(
    'refuses to start with one clear line when PostgreSQL is not answering',
    async () => {
      const child = startWorker({ DATABASE_URL: 'postgres://root@127.0.0.1:1/teamflow' });
      const out = collect(child);
      expect(await exited(child)).toBe(1);
      expect(out.stderr.trim().split('\n')).toHaveLength(1);
      expect(out.stderr).toContain('PostgreSQL is not answering at postgres://root@127.0.0.1:1/teamflow');
    },
    PROCESS_START_MS + 30_000,
  );
});

describe('worker health checks (WORKER_HEALTH_PORT, for the image HEALTHCHECK and Railway)', () => {
  it(
    'answers /health and /health/ready with database and Redis up, and nothing else',
    async () => {
      const { createServer } = await import('node:net');
      const port = await new Promise<number>((resolve) => {
        const s = createServer().listen(0, '127.0.0.1', () => {
          const p = (s.address() as { port: number }).port;
          s.close(() => resolve(p));
        });
      });
      const child = startWorker({ WORKER_HEALTH_PORT: String(port) });
      const out = collect(child);
      const exit = exited(child);
      try {
        await waitFor(() => out.stdout.includes('worker ready'), PROCESS_START_MS);
        const base = `http://127.0.0.1:${port}`;
        const live = await fetch(`${base}/health`);
        expect(live.status).toBe(200);
        // Ready once the supervisor has looked (within its first second or so), not before.
        let ready = await fetch(`${base}/health/ready`);
        for (let tries = 0; ready.status !== 200 && tries < 100; tries += 1) {
          await new Promise((r) => setTimeout(r, 100));
          ready = await fetch(`${base}/health/ready`);
        }
        expect(ready.status).toBe(200);
        expect(await ready.json()).toMatchObject({
          status: 'ready',
          checks: { database: 'up', redis: 'up', consuming: 'up' },
        });
        expect((await fetch(`${base}/admin/queues`)).status).toBe(404);
      } finally {
        child.kill('SIGTERM');
      }
      expect(await exit).toBe(0);
      expect(out.stderr).toBe('');
    },
    PROCESS_START_MS + 30_000,
  );
});
