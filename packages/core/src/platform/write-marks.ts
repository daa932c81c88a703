import type { WriteMarks } from '@teamflow/db/read-replica';
import type { Redis } from './redis';

// Longer than any lag a healthy replica has; a mark older than this is behind the replica anyway.
const MARK_TTL_MS = 10 * 60_000;

// Fixed-width hex, so Redis compares two positions as strings in the order of the positions.
const encode = (lsn: bigint) => lsn.toString(16).padStart(16, '0');

// Keeps the higher of the stored and the new position, and renews the mark's life either way.
const RAISE = `
local current = redis.call('GET', KEYS[1])
if (not current) or current < ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
else
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 1`;

/** Each user's latest write position in Redis (`wal-mark:<userId>` under the key prefix), for read-your-writes. */
export function redisWriteMarks(redis: Redis): WriteMarks {
  const key = (readerId: string) => `wal-mark:${readerId}`;
  return {
    async get(readerId) {
      const value = await redis.get(key(readerId));
      return value ? BigInt(`0x${value}`) : null;
    },
    async raise(readerId, lsn) {
      await redis.eval(RAISE, 1, key(readerId), encode(lsn), String(MARK_TTL_MS));
    },
  };
}
