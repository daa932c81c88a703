import type pg from 'pg';
import client from 'prom-client';
import type { Redis } from '@teamflow/core/platform/redis';

export interface Metrics {
  registry: client.Registry;
  httpDuration: client.Histogram<'method' | 'route' | 'status'>;
}

/** One registry per app instance (several apps can live in one test process). */
export function createMetrics(sources: { pool: pg.Pool; redis: Redis }): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'teamflow_' });
  const httpDuration = new client.Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  new client.Gauge({
    name: 'db_pool_connections',
    help: 'PostgreSQL pool connections by state',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      this.set({ state: 'total' }, sources.pool.totalCount);
      this.set({ state: 'idle' }, sources.pool.idleCount);
      this.set({ state: 'waiting' }, sources.pool.waitingCount);
    },
  });
  new client.Gauge({
    name: 'redis_connected',
    help: '1 when the Redis command connection is ready',
    registers: [registry],
    collect() {
      this.set(sources.redis.status === 'ready' ? 1 : 0);
    },
  });
  return { registry, httpDuration };
}
