import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadEnv } from '@teamflow/config/env';
import type { UnpublishedEvent } from '@teamflow/contracts/events';
import { afterCommit } from '@teamflow/db/after-commit';
import { connectionUrl, createDb } from '@teamflow/db/client';
import { insertOutboxEntries, OUTBOX_CHANNEL } from './outbox.repository';

const env = loadEnv({ ...process.env, NODE_ENV: 'test' });
const handle = createDb(env.DATABASE_URL, { max: 3 });
const listener = new pg.Client({ connectionString: connectionUrl(env.DATABASE_URL) });
const wakes: number[] = [];
beforeAll(async () => {
  await listener.connect();
  listener.on('notification', (n) => {
    if (n.channel === OUTBOX_CHANNEL) wakes.push(Date.now());
  });
  await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
});
afterAll(async () => {
  await listener.end();
  await handle.close();
});

/** Resolves once a wake-up has arrived after `since` wakes were counted (or fails after 5 s). */
async function nextWake(since: number): Promise<void> {
  for (let waited = 0; wakes.length <= since; waited += 20) {
    if (waited > 5000) throw new Error('no wake-up arrived');
    await new Promise((r) => setTimeout(r, 20));
  }
}

function event(): UnpublishedEvent {
  const workspaceId = randomUUID();
  return {
    type: 'PROJECT_DELETED',
    workspaceId,
    entityId: randomUUID(),
    actor: null,
    at: new Date().toISOString(),
    data: { id: randomUUID() },
  } as unknown as UnpublishedEvent;
}

describe('afterCommit', () => {
  it('runs a hook once the transaction has committed, and never when it rolls back', async () => {
    const seen: string[] = [];
    await handle.db.transaction(async (tx) => {
      expect(afterCommit(() => seen.push('committed'))).toBe(true);
      await tx.execute(sql`select 1`);
      expect(seen).toEqual([]);
    });
    expect(seen).toEqual(['committed']);

    await expect(
      handle.db.transaction(async (tx) => {
        afterCommit(() => seen.push('rolled back'));
        await tx.execute(sql`select 1`);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(seen).toEqual(['committed']);
  });

  it('holds a savepoint hook until the outer transaction commits', async () => {
    const seen: string[] = [];
    await handle.db.transaction(async (tx) => {
      await tx.transaction(async (savepoint) => {
        afterCommit(() => seen.push('inner'));
        await savepoint.execute(sql`select 1`);
      });
      expect(seen).toEqual([]);
    });
    expect(seen).toEqual(['inner']);
  });

  it('says false outside a transaction, so the caller does the work itself', () => {
    expect(afterCommit(() => undefined)).toBe(false);
  });
});

describe('the outbox wake-up', () => {
  it('reaches a LISTENing relay after the writing transaction commits, not before', async () => {
    const before = wakes.length;
    await handle.db.transaction(async (tx) => {
      await insertOutboxEntries(tx, [{ payload: event(), activity: null }], new Date());
      // Still open: nothing may have been sent for it yet.
      await new Promise((r) => setTimeout(r, 200));
      expect(wakes.length).toBe(before);
    });
    await nextWake(before);
  });

  it('is still sent by a lone statement outside any transaction', async () => {
    const before = wakes.length;
    await insertOutboxEntries(handle.db, [{ payload: event(), activity: null }], new Date());
    await nextWake(before);
  });

  it('is not sent for a transaction that rolls back', async () => {
    const before = wakes.length;
    await expect(
      handle.db.transaction(async (tx) => {
        await insertOutboxEntries(tx, [{ payload: event(), activity: null }], new Date());
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    await new Promise((r) => setTimeout(r, 300));
    expect(wakes.length).toBe(before);
  });
});
