import { createServer, type Server } from 'node:http';
import type { Logger } from '@teamflow/core/platform/logger';
import type { WorkerHealth } from './supervisor';

export interface WorkerReadiness {
  status: 'ready' | 'unavailable';
  checks: { database: 'up' | 'down'; redis: 'up' | 'down'; consuming: 'up' | 'down' };
  stalledQueues: string[];
  lastCheckAt: string | null;
}

/**
 * The worker's own probes on a small HTTP port (it serves nothing else): `GET /health` answers
 * while the process runs; `GET /health/ready` is 200 only while PostgreSQL answers, the supervisor
 * reaches Redis, every queue's worker takes jobs, and the supervisor itself checked recently
 * (a supervisor that stopped checking cannot vouch for anything). 503 otherwise, with the reason.
 */
export function startHealthServer(options: {
  port: number;
  logger: Logger;
  health: () => WorkerHealth;
  pingDatabase: () => Promise<unknown>;
  shuttingDown: () => boolean;
  /** A check older than this is stale. */
  staleAfterMs?: number;
}): Promise<Server | undefined> {
  const staleAfterMs = options.staleAfterMs ?? 10_000;
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'GET') return send(405, { status: 'method not allowed' });
    if (path === '/health') return send(200, { status: 'ok' });
    if (path !== '/health/ready') return send(404, { status: 'not found' });
    void (async () => {
      let timer: NodeJS.Timeout | undefined;
      const database = await Promise.race([
        options.pingDatabase().then(() => 'up' as const),
        new Promise<'down'>((r) => (timer = setTimeout(() => r('down'), 1500))),
      ]).catch(() => 'down' as const);
      clearTimeout(timer);
      const h = options.health();
      const fresh = h.lastCheckAt > 0 && Date.now() - h.lastCheckAt < staleAfterMs;
      const body: WorkerReadiness = {
        status: 'unavailable',
        checks: {
          database,
          redis: fresh ? h.redis : 'down',
          consuming: fresh && h.consuming && h.redis === 'up' ? 'up' : 'down',
        },
        stalledQueues: h.stalledQueues,
        lastCheckAt: h.lastCheckAt ? new Date(h.lastCheckAt).toISOString() : null,
      };
      const ready = Object.values(body.checks).every((c) => c === 'up') && !options.shuttingDown();
      body.status = ready ? 'ready' : 'unavailable';
      send(ready ? 200 : 503, body);
    })();
  });
  return new Promise((resolve) => {
    server.once('error', (error) => {
      // Probes are for the orchestrator; a taken port must not stop the jobs.
      options.logger.warn('worker health port not available; running without it', {
        port: options.port,
        error: error.message,
      });
      resolve(undefined);
    });
    server.listen(options.port, () => {
      const address = server.address();
      options.logger.info('worker health listening', {
        port: typeof address === 'object' && address ? address.port : options.port,
      });
      resolve(server);
    });
  });
}
