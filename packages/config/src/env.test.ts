import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, DEV_ACCESS_SECRET, directDatabaseUrl, loadEnv, loadMigrationEnv } from './env';

describe('loadEnv', () => {
  it('applies the documented defaults when nothing is set', () => {
    const env = loadEnv({ NODE_ENV: 'test' });
    expect(env.API_PORT).toBe(4000);
    expect(env.DATABASE_URL).toBe('postgres://localhost:5432/teamflow');
    expect(env.RATE_LIMIT_DEFAULT_PER_MINUTE).toBe(100);
    expect(env.LOGIN_LOCKOUT_ATTEMPTS).toBe(5);
    expect(env.PLATFORM_ADMIN_EMAILS).toEqual([]);
    expect(env.AI_PROVIDER).toBe('auto');
    expect(env.RATE_LIMIT_AI_PER_HOUR).toBe(20);
    expect(env.AI_FALLBACK_TO_LOCAL).toBe(true);
    expect(env.AI_MONTHLY_BUDGET_USD).toBe(10);
  });

  it('names every bad variable in one error', () => {
    expect(() => loadEnv({ NODE_ENV: 'test', API_PORT: 'abc', REDIS_URL: 'not a url' })).toThrow(
      /API_PORT[\s\S]*REDIS_URL|REDIS_URL[\s\S]*API_PORT/,
    );
  });

  it('refuses the development secrets in production', () => {
    let error: unknown;
    try {
      // From a folder without .env.local: the repo's own (written by npm start) would fill in a secret.
      const elsewhere = mkdtempSync(join(tmpdir(), 'tf-env-'));
      loadEnv({ NODE_ENV: 'production', JWT_ACCESS_SECRET: DEV_ACCESS_SECRET }, elsewhere);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(String(error)).toContain('JWT_ACCESS_SECRET');
    expect(String(error)).toContain('JWT_REFRESH_SECRET');
  });

  it('reads REDIS_CLUSTER_NODES as host:port seeds, and refuses anything else', () => {
    expect(loadEnv({ NODE_ENV: 'test' }).REDIS_CLUSTER_NODES).toBeUndefined();
    expect(
      loadEnv({ NODE_ENV: 'test', REDIS_CLUSTER_NODES: '10.0.0.1:7000, redis-b:7001' }).REDIS_CLUSTER_NODES,
    ).toEqual(['10.0.0.1:7000', 'redis-b:7001']);
    expect(() => loadEnv({ NODE_ENV: 'test', REDIS_CLUSTER_NODES: 'redis://a:7000' })).toThrow(
      /REDIS_CLUSTER_NODES/,
    );
  });

  it('parses comma-separated admin emails, lower-cased', () => {
    expect(
      loadEnv({ NODE_ENV: 'test', PLATFORM_ADMIN_EMAILS: 'A@x.io, b@y.io' }).PLATFORM_ADMIN_EMAILS,
    ).toEqual(['a@x.io', 'b@y.io']);
  });

  it('sends LISTEN and migrations to DATABASE_DIRECT_URL when a pooler fronts DATABASE_URL', () => {
    const pooled = 'postgres://app@127.0.0.1:6432/teamflow';
    const direct = 'postgres://app@127.0.0.1:5432/teamflow';
    expect(directDatabaseUrl(loadEnv({ NODE_ENV: 'test', DATABASE_URL: pooled }))).toBe(pooled);
    expect(
      directDatabaseUrl(loadEnv({ NODE_ENV: 'test', DATABASE_URL: pooled, DATABASE_DIRECT_URL: direct })),
    ).toBe(direct);
    expect(directDatabaseUrl(loadMigrationEnv({ DATABASE_URL: pooled, DATABASE_DIRECT_URL: direct }))).toBe(
      direct,
    );
    expect(() => loadEnv({ NODE_ENV: 'test', DATABASE_DIRECT_URL: 'not a url' })).toThrow(
      /DATABASE_DIRECT_URL/,
    );
  });

  it('reads through DATABASE_REPLICA_URL only when it is set, and refuses one that is not a URL', () => {
    expect(loadEnv({ NODE_ENV: 'test' }).DATABASE_REPLICA_URL).toBeUndefined();
    expect(loadEnv({ NODE_ENV: 'test', DATABASE_REPLICA_URL: '' }).DATABASE_REPLICA_URL).toBeUndefined();
    const replica = 'postgres://app@127.0.0.1:5433/teamflow';
    expect(loadEnv({ NODE_ENV: 'test', DATABASE_REPLICA_URL: replica }).DATABASE_REPLICA_URL).toBe(replica);
    expect(() => loadEnv({ NODE_ENV: 'test', DATABASE_REPLICA_URL: 'replica' })).toThrow(
      /DATABASE_REPLICA_URL/,
    );
  });
});
