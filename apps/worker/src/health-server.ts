import { createServer, type Server } from 'node:http';
import type { Redis } from 'ioredis';
import type { Database } from '@teamflow/db/client';
import { pingDatabase } from '@teamflow/db/ping';
import type { Logger } from '@teamflow/core/platform/logger';

export interface WorkerHealth {
  close(): Promise<void>;
  port: number;
}

async function probe(check: () => Promise<unknown>, timeoutMs = 1500): Promise<'up' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), timeoutMs))),
    ]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The worker has no api, but containers and platforms (Docker HEALTHCHECK, Railway's health check)
 * probe over HTTP: GET /health answers while the process runs, GET /health/ready (the api's
 * Readiness shape) while PostgreSQL and Redis answer and the worker is not stopping. Nothing else.
 */
export async function startHealthServer(options: {
  port: number;
  db: Database;
  redis: Redis;
  logger: Logger;
  isStopping: () => boolean;
}): Promise<WorkerHealth> {
  const server: Server = createServer((req, res) => {
    const send = (status: number, body: unknown) =>
      res
        .writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
        .end(JSON.stringify(body));
    if (req.method !== 'GET') return send(405, { status: 'method not allowed' });
    if (req.url === '/health') return send(200, { status: 'ok' });
    if (req.url !== '/health/ready') return send(404, { status: 'not found' });
    void Promise.all([probe(() => pingDatabase(options.db)), probe(() => options.redis.ping())]).then(
      ([database, redis]) => {
        const ready = database === 'up' && redis === 'up' && !options.isStopping();
        send(ready ? 200 : 503, {
          status: ready ? 'ready' : 'unavailable',
          checks: { database, redis, storage: 'not_configured' },
        });
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, resolve);
  });
  const port = (server.address() as { port: number }).port;
  options.logger.info('worker health checks listening', { port });
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
