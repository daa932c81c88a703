import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { z } from 'zod';

// Secrets that ship in the code only for local use; production refuses to start with them.
export const DEV_ACCESS_SECRET = 'dev-only-access-secret-change-me-0123456789';
export const DEV_REFRESH_SECRET = 'dev-only-refresh-secret-change-me-0123456789';

const int = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

export const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    // Queries and transactions; in production this goes through PgBouncer in transaction mode, so
    // nothing may lean on session state (see docs/ARCHITECTURE.md, "Connection pooling").
    DATABASE_URL: z.url().default('postgres://localhost:5432/teamflow'),
    // A direct connection to the same database for what needs a session of its own: the outbox
    // relay's LISTEN and migrations. Unset: DATABASE_URL serves both (no pooler in between).
    DATABASE_DIRECT_URL: optionalString.pipe(z.url().optional()),
    // A streaming read replica of DATABASE_URL's database: lists, search, analytics and digests read
    // there, except a user's read right after their own write (see packages/db/src/read-replica.ts).
    // Unset: every read goes to DATABASE_URL.
    DATABASE_REPLICA_URL: optionalString.pipe(z.url().optional()),
    DB_POOL_MAX: int(10),
    // The database's default statement_timeout, set by the migration step (ALTER DATABASE) so it
    // reaches every server connection, PgBouncer's included: a pooler refuses it as a startup parameter.
    DB_STATEMENT_TIMEOUT_MS: int(15000),
    REDIS_URL: z.url().default('redis://127.0.0.1:6379'),
    REDIS_KEY_PREFIX: z.string().default('tf:'),
    // A Redis Cluster instead of one server: comma-separated host:port seeds (any of its nodes).
    // REDIS_URL then lends only its credentials and TLS. See docs/ARCHITECTURE.md, "Redis Cluster".
    REDIS_CLUSTER_NODES: optionalString.pipe(
      z
        .string()
        .transform((v) => v.split(',').map((node) => node.trim()))
        .pipe(z.array(z.string().regex(/^[^\s:,]+:\d{1,5}$/, 'must be host:port, comma-separated')))
        .optional(),
    ),
    API_PORT: int(4000),
    WEB_PORT: int(3000),
    WEB_ORIGIN: z.url().default('http://localhost:3000'),
    API_URL: z.url().default('http://localhost:4000'),
    CORS_ORIGINS: optionalString,
    TRUST_PROXY: z.stringbool().default(false),
    JWT_ACCESS_SECRET: z.string().min(32).default(DEV_ACCESS_SECRET),
    JWT_REFRESH_SECRET: z.string().min(32).default(DEV_REFRESH_SECRET),
    RATE_LIMIT_DEFAULT_PER_MINUTE: int(100),
    RATE_LIMIT_AUTH_PER_MINUTE: int(10),
    RATE_LIMIT_AI_PER_HOUR: int(20),
    RATE_LIMIT_UPLOADS_PER_HOUR: int(10),
    LOGIN_LOCKOUT_ATTEMPTS: int(5),
    LOGIN_LOCKOUT_MINUTES: int(15),
    // "Continue with Google": on when both client values are set. Any OpenID Connect issuer works in
    // place of Google (the tests run a local one); its callback is API_URL/api/v1/auth/google/callback.
    GOOGLE_CLIENT_ID: optionalString,
    GOOGLE_CLIENT_SECRET: optionalString,
    GOOGLE_ISSUER: z.url().default('https://accounts.google.com'),
    AI_PROVIDER: z.enum(['auto', 'openai', 'anthropic', 'local']).default('auto'),
    OPENAI_API_KEY: optionalString,
    OPENAI_BASE_URL: optionalString,
    ANTHROPIC_API_KEY: optionalString,
    ANTHROPIC_BASE_URL: optionalString,
    OPENAI_MODEL: z.string().default('gpt-4o-mini'),
    OPENAI_EMBEDDING_MODEL: z.string().default('text-embedding-3-small'),
    // Shortened embeddings (text-embedding-3 models): 256 keeps a duplicate check over 1,000 tasks
    // near 25 ms in PostgreSQL, against ~115 ms at the full 1,536. 0 asks for the model's own length.
    OPENAI_EMBEDDING_DIMENSIONS: z.coerce.number().int().min(0).max(3072).default(256),
    ANTHROPIC_MODEL: z.string().default('claude-3-5-haiku-latest'),
    // Per provider call; the SDKs retry 429/5xx (honouring Retry-After) this many times before we fall back.
    AI_TIMEOUT_MS: int(30000),
    AI_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
    // When OpenAI and Anthropic both fail: answer with the local model (true) or fail the job (false).
    AI_FALLBACK_TO_LOCAL: z.stringbool().default(true),
    // A workspace's monthly budget until its owner sets one (US dollars).
    AI_MONTHLY_BUDGET_USD: z.coerce.number().min(0).default(10),
    SMTP_URL: optionalString,
    MAIL_FROM: z.string().default('TeamFlow <no-reply@teamflow.local>'),
    SENTRY_DSN: optionalString,
    // Tags on every Sentry event: the deployed commit (images bake it in) and the deployment
    // (staging, production); NODE_ENV is `production` in both, so it cannot tell them apart.
    SENTRY_RELEASE: optionalString,
    SENTRY_ENVIRONMENT: optionalString,
    LOG_LEVEL: z.enum(['error', 'warn', 'info', 'http', 'debug', 'silent']).default('info'),
    METRICS_TOKEN: optionalString,
    PLATFORM_ADMIN_EMAILS: z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((e) => e.trim().toLowerCase())
          .filter(Boolean),
      ),
    SHUTDOWN_TIMEOUT_MS: int(10000),
    // Socket.io rooms across instances: `redis` (the adapter) or `memory` (one instance only: bench, dev).
    REALTIME_ADAPTER: z.enum(['redis', 'memory']).default('redis'),
    // The outbox relay is woken by NOTIFY at commit; this poll is only its fallback.
    OUTBOX_POLL_MS: int(1000),
    // The worker's probes (`/health`, `/health/ready`: consuming jobs, Redis, PostgreSQL); 0 = off.
    WORKER_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(4001),
    // Attachments: any S3-compatible store (AWS S3, R2, MinIO; `npm start` and the tests run s3rver
    // on loopback). Without S3_BUCKET uploads answer 503 and the home page says storage is off.
    S3_ENDPOINT: optionalString,
    S3_REGION: z.string().default('us-east-1'),
    S3_BUCKET: optionalString,
    S3_ACCESS_KEY_ID: optionalString,
    S3_SECRET_ACCESS_KEY: optionalString,
    S3_FORCE_PATH_STYLE: z.stringbool().default(false),
    // ClamAV's clamd over TCP. Without CLAMAV_HOST attachments are stored `unscanned`.
    CLAMAV_HOST: optionalString,
    CLAMAV_PORT: int(3310),
    CLAMAV_TIMEOUT_MS: int(30000),
    // Outgoing webhooks to private, loopback and link-local addresses (local testing only).
    WEBHOOKS_ALLOW_PRIVATE: z.stringbool().default(false),
    // Slack's Web API (chat.postMessage with a workspace's bot token); tests point it at a local server.
    SLACK_API_URL: z.url().default('https://slack.com/api/'),
    // Minutes a notification stays unread before the digest email includes it.
    NOTIFICATION_EMAIL_DELAY: z.coerce.number().int().min(0).default(30),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return;
    for (const key of ['JWT_ACCESS_SECRET', 'JWT_REFRESH_SECRET'] as const) {
      if (env[key] === DEV_ACCESS_SECRET || env[key] === DEV_REFRESH_SECRET) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: 'must be set to a secret of your own in production',
        });
      }
    }
  });

export type Env = z.infer<typeof EnvSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Finds `.env.local` in the working directory or the nearest parent that is the repo root. */
function findEnvFile(start: string): string | undefined {
  let dir = resolve(start);
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, '.env.local');
    if (existsSync(candidate)) return candidate;
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return undefined;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}

/**
 * Parses configuration once. Variables already in the environment win over `.env.local`
 * (written by `npm start` with generated secrets). Throws a ConfigError naming every bad variable.
 */
export function loadEnv(source: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Env {
  const merged: Record<string, string | undefined> = {};
  const file = source.NODE_ENV === 'test' ? undefined : findEnvFile(cwd);
  if (file) Object.assign(merged, parseEnv(readFileSync(file, 'utf8')));
  for (const [k, v] of Object.entries(source)) if (v !== undefined) merged[k] = v;
  const parsed = EnvSchema.safeParse(merged);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

const MigrationEnvSchema = z.object({
  DATABASE_URL: z.url({ error: 'must be set to the database to migrate' }),
  DATABASE_DIRECT_URL: z.url().optional(),
  DB_STATEMENT_TIMEOUT_MS: int(15000),
});

/** The URL for what needs its own session (LISTEN, migrations): the direct one when a pooler sits in front. */
export function directDatabaseUrl(env: { DATABASE_URL: string; DATABASE_DIRECT_URL?: string }): string {
  return env.DATABASE_DIRECT_URL ?? env.DATABASE_URL;
}

/**
 * The deploy's migration step reads only the database (no secrets, no Redis, no `.env.local`), and
 * it must be named: no default database for a step that changes a schema.
 */
export function loadMigrationEnv(
  source: NodeJS.ProcessEnv = process.env,
): z.infer<typeof MigrationEnvSchema> {
  const parsed = MigrationEnvSchema.safeParse({
    DATABASE_URL: source.DATABASE_URL || undefined,
    DATABASE_DIRECT_URL: source.DATABASE_DIRECT_URL || undefined,
    DB_STATEMENT_TIMEOUT_MS: source.DB_STATEMENT_TIMEOUT_MS || undefined,
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration: ${lines.join('; ')}`);
  }
  return parsed.data;
}
