import { randomUUID } from 'node:crypto';
import { loadEnv } from '@teamflow/config/env';
import { parseLsn } from '@teamflow/db/read-replica';
import { connectRedis, createRedis } from './redis';
import { redisWriteMarks } from './write-marks';

const env = loadEnv({ ...process.env, NODE_ENV: 'test' });
const redis = createRedis(env.REDIS_URL, { keyPrefix: `${env.REDIS_KEY_PREFIX}marks:` });
const marks = redisWriteMarks(redis);

beforeAll(() => connectRedis(redis, env.REDIS_URL));
afterAll(() => redis.disconnect());

describe('write marks (read-your-writes)', () => {
  it('orders WAL positions as PostgreSQL does, across the high word', () => {
    expect(parseLsn('0/16B3748')).toBe(0x16b3748n);
    expect(parseLsn('1/0') > parseLsn('0/FFFFFFFF')).toBe(true);
    expect(parseLsn('A/10') > parseLsn('9/FFFFFFF0')).toBe(true);
    expect(() => parseLsn('16B3748')).toThrow(/WAL position/);
  });

  it('has no mark for a reader who never wrote', async () => {
    expect(await marks.get(randomUUID())).toBeNull();
  });

  it('keeps the later position when two writes are recorded out of order', async () => {
    const reader = randomUUID();
    await marks.raise(reader, parseLsn('1/0'));
    await marks.raise(reader, parseLsn('0/FFFFFFFF'));
    expect(await marks.get(reader)).toBe(parseLsn('1/0'));
    await marks.raise(reader, parseLsn('1/20'));
    expect(await marks.get(reader)).toBe(parseLsn('1/20'));
  });

  it('stores the mark under the process key prefix, with an expiry', async () => {
    const reader = randomUUID();
    await marks.raise(reader, 42n);
    const bare = createRedis(env.REDIS_URL);
    try {
      await connectRedis(bare, env.REDIS_URL);
      const key = `${env.REDIS_KEY_PREFIX}marks:wal-mark:${reader}`;
      expect(await bare.exists(key)).toBe(1);
      expect(await bare.pttl(key)).toBeGreaterThan(0);
    } finally {
      bare.disconnect();
    }
  });
});
