import type { Env } from '@teamflow/config/env';
import { AppError } from '../platform/errors';
import type { Redis } from '../platform/redis';
import { withRedis } from '../platform/redis';

const key = (email: string) => `auth:fail:${email}`;

/** 423 while an email has had too many failed logins in the window. */
export async function assertNotLocked(redis: Redis, env: Env, email: string): Promise<void> {
  const [count, ttl] = await withRedis(() => Promise.all([redis.get(key(email)), redis.ttl(key(email))]));
  if (Number(count ?? 0) >= env.LOGIN_LOCKOUT_ATTEMPTS) {
    const retryAfter = String(Math.max(1, ttl));
    throw new AppError('ACCOUNT_LOCKED', 'Too many failed sign-in attempts; try again later', undefined, {
      'Retry-After': retryAfter,
    });
  }
}

export async function recordFailedLogin(redis: Redis, env: Env, email: string): Promise<void> {
  await withRedis(() =>
    redis
      .multi()
      .incr(key(email))
      .expire(key(email), env.LOGIN_LOCKOUT_MINUTES * 60, 'NX')
      .exec(),
  );
}

export async function clearFailedLogins(redis: Redis, email: string): Promise<void> {
  await withRedis(() => redis.del(key(email)));
}
