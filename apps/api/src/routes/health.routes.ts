import type { Router } from 'express';
import { ErrorResponse } from '@teamflow/contracts/common';
import { Liveness, Readiness } from '@teamflow/contracts/health';
import { AppError } from '@teamflow/core/platform/errors';
import { pingDatabase } from '@teamflow/db/ping';
import { isStorageConfigured, objectStorage } from '@teamflow/core/platform/object-storage';
import type { ApiDeps } from '../deps';
import { PUBLIC, type RouteTable } from '../http/route-table';

async function probe(check: () => Promise<unknown>, timeoutMs = 1500): Promise<'up' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
      }),
    ]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Liveness, readiness and metrics at the root, where probes and scrapers look, and under the api's
 * base path too: API.md lists them with every other path, all of which it puts under `/api/v1`.
 */
export function healthRoutes(
  table: RouteTable,
  root: Router,
  v1: Router,
  v1Base: string,
  deps: ApiDeps,
  state: { shuttingDown: boolean },
): void {
  operationRoutes(table, root, '', deps, state);
  operationRoutes(table, v1, v1Base, deps, state);
}

function operationRoutes(
  table: RouteTable,
  router: Router,
  base: string,
  deps: ApiDeps,
  state: { shuttingDown: boolean },
): void {
  table.add(router, base, {
    method: 'get',
    path: '/health',
    summary: 'Liveness',
    tag: 'Operations',
    access: PUBLIC,
    rateLimit: 'none',
    responses: { 200: Liveness },
    handler: () => Promise.resolve({ status: 'ok' as const }),
  });
  table.add(router, base, {
    method: 'get',
    path: '/health/ready',
    summary: 'Readiness: database, Redis and (when configured) object storage answer; 503 when one is down',
    tag: 'Operations',
    access: PUBLIC,
    rateLimit: 'none',
    responses: { 200: Readiness, 503: Readiness },
    handler: async ({ res }) => {
      // A store that is configured must answer (API.md: 503 when one is down); a deployment
      // without one (no S3_BUCKET) is ready, with attachments off.
      const [database, redis, storage] = await Promise.all([
        probe(() => pingDatabase(deps.db)),
        probe(() => deps.redis.ping()),
        isStorageConfigured(deps.env)
          ? probe(() => objectStorage(deps.env).ping())
          : Promise.resolve('not_configured' as const),
      ]);
      const ready = database === 'up' && redis === 'up' && storage !== 'down' && !state.shuttingDown;
      const body: Readiness = {
        status: ready ? 'ready' : 'unavailable',
        checks: { database, redis, storage },
      };
      res.status(ready ? 200 : 503).json(body);
    },
  });
  table.add(router, base, {
    method: 'get',
    path: '/metrics',
    summary: 'Prometheus metrics (bearer METRICS_TOKEN outside development)',
    tag: 'Operations',
    access: PUBLIC,
    rateLimit: 'none',
    produces: 'text/plain',
    responses: { 200: null, 401: ErrorResponse, 403: ErrorResponse },
    handler: async ({ req, res }) => {
      const token = deps.env.METRICS_TOKEN;
      if (token && req.get('authorization') !== `Bearer ${token}`)
        throw new AppError('UNAUTHORIZED', 'Metrics need the metrics token');
      if (!token && deps.env.NODE_ENV === 'production')
        throw new AppError('FORBIDDEN', 'Set METRICS_TOKEN to expose metrics');
      res.setHeader('Content-Type', deps.metrics.registry.contentType);
      res.send(await deps.metrics.registry.metrics());
    },
  });
}
