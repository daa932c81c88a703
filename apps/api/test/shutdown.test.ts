import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { connectionUrl } from '@teamflow/db/client';
import { freePort } from '@teamflow/local-services';
import { PROCESS_START_MS } from '@teamflow/core/testing/process-start';

// The real server process (src/server.ts), so SIGTERM handling is exercised as in production.
const SERVER = join(__dirname, '..', 'src', 'server.ts');

async function until(predicate: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await predicate())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

let child: ChildProcessWithoutNullStreams;
afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL');
});

describe('api shutdown', () => {
  it(
    'on SIGTERM stops accepting connections, finishes the request in flight, then exits 0',
    async () => {
      const port = await freePort();
      child = spawn(process.execPath, ['--import', 'tsx', SERVER], {
        cwd: join(__dirname, '..'),
        env: {
          ...process.env,
          API_PORT: String(port),
          LOG_LEVEL: 'info',
          RATE_LIMIT_AUTH_PER_MINUTE: '1000',
        },
      });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
      await until(() => out.includes('api listening'), PROCESS_START_MS);

      const base = `http://127.0.0.1:${port}/api/v1`;
      const post = (path: string, body: unknown, token?: string) =>
        fetch(`${base}${path}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify(body),
        });
      const reg = (await (
        await post('/auth/register', {
          email: `stop-${port}@example.test`,
          name: 'Stop',
          password: 'graceful-1',
        })
      ).json()) as { accessToken: string };
      const ws = (await (await post('/workspaces', { name: 'Shutdown' }, reg.accessToken)).json()) as {
        id: string;
      };
      const project = (await (
        await post(`/workspaces/${ws.id}/projects`, { name: 'Slow' }, reg.accessToken)
      ).json()) as { id: string };

      // Hold the project row so the next create waits inside its statement.

      const blocker = new pg.Client({ connectionString: connectionUrl(process.env.DATABASE_URL!) });
      await blocker.connect();
      await blocker.query('begin');
      await blocker.query('select id from projects where id = $1 for update', [project.id]);
      const blockerPid = (await blocker.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!
        .pid;
      const inFlight = post(`/projects/${project.id}/tasks`, { title: 'Finish me' }, reg.accessToken);
      // In flight for sure: its statement waits on the row (not a fixed 300 ms, which a loaded
      // machine may spend before the api has even read the request). pg_locks is read live each time.
      await until(async () => {
        const { rows } = await blocker.query<{ n: number }>(
          'select count(*)::int as n from pg_locks where not granted and $1 = any(pg_blocking_pids(pid))',
          [blockerPid],
        );
        return rows[0]!.n > 0;
      }, 15000);

      child.kill('SIGTERM');
      await until(() => out.includes('api shutting down'), 5000);
      await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
      expect(child.exitCode).toBeNull();

      await blocker.query('commit');
      await blocker.end();
      const res = await inFlight;
      expect(res.status).toBe(201);
      const code = await exited;
      // The server's output rides along so a failure shows why it did not exit cleanly.
      expect({ code, output: code === 0 ? '' : out }).toEqual({ code: 0, output: '' });
      expect(out).toContain('api stopped');
      expect(out).not.toMatch(/Failed query|rate limiter unavailable|"level":"error"/);
    },
    PROCESS_START_MS + 30_000,
  );
});
