import { randomUUID } from 'node:crypto';
import { loadEnv } from '@teamflow/config/env';
import { createDb } from '@teamflow/db/client';
import { seededRandom } from '../../testing/seeded-random';
import { closestEntries, replaceEntryVectors } from './worklog-vectors.repository';

/**
 * Scoring in PostgreSQL gives the dot product a JavaScript loop gives, for one 100-dimension part
 * (the local vectors) and for vectors in several parts (OpenAI's 256), best first, above the
 * floor, never another person's entry, and never a vector of another model.
 */

const env = loadEnv({ ...process.env, NODE_ENV: 'test' });
const handle = createDb(env.DATABASE_URL, { max: 2 });
afterAll(() => handle.close());

const random = seededRandom(7);
const unit = (dims: number) => {
  const v = Array.from({ length: dims }, () => random() - 0.5);
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
};
const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);

async function person(entries: number) {
  const userId = randomUUID();
  await handle.pool.query(`insert into users (id, email, name) values ($1, $2, 'Vectors')`, [
    userId,
    `vectors-${userId}@example.test`,
  ]);
  const ids: string[] = [];
  for (let i = 0; i < entries; i++) {
    const { rows } = await handle.pool.query(
      `insert into worklog_entries (user_id, date, body) values ($1, '2026-05-01', $2) returning id`,
      [userId, `entry ${i}`],
    );
    ids.push(rows[0].id);
  }
  return { userId, ids };
}

describe('closestEntries', () => {
  it.each([
    ['one part (100 dimensions)', 100],
    ['three parts (256 dimensions)', 256],
  ])('scores %s as the dot product, best first, above the floor', async (_name, dims) => {
    const me = await person(30);
    const stranger = await person(5);
    const model = `test-model@${dims}`;
    const stored = new Map<string, number[]>();
    for (const id of me.ids) {
      const vector = unit(dims);
      stored.set(id, vector);
      await replaceEntryVectors(handle.db, me.userId, id, [
        { model, vector },
        { model: 'other-model', vector: unit(dims) },
      ]);
    }
    const query = unit(dims);
    for (const id of stranger.ids)
      await replaceEntryVectors(handle.db, stranger.userId, id, [{ model, vector: query }]);

    const hits = await closestEntries(
      handle.db,
      me.userId,
      { model, vector: query },
      { floor: 0.05, limit: 10 },
    );
    const expected = [...stored]
      .map(([id, v]) => ({ id, score: dot(query, v) }))
      .filter((s) => s.score >= 0.05)
      .sort((a, b) => b.score - a.score)
      .slice(0, 10);
    expect(hits.map((h) => h.id)).toEqual(expected.map((e) => e.id));
    hits.forEach((h, i) => expect(h.score).toBeCloseTo(expected[i]!.score, 9));
    expect(hits.every((h) => me.ids.includes(h.id))).toBe(true);
  });

  it('leaves out the entries that have a vector of the model named in unlessScoredBy', async () => {
    const me = await person(4);
    const query = unit(100);
    for (const [i, id] of me.ids.entries())
      await replaceEntryVectors(handle.db, me.userId, id, [
        { model: 'local', vector: query },
        ...(i % 2 === 0 ? [{ model: 'remote', vector: unit(256) }] : []),
      ]);
    const hits = await closestEntries(
      handle.db,
      me.userId,
      { model: 'local', vector: query },
      { floor: 0.5, limit: 10, unlessScoredBy: 'remote' },
    );
    expect(hits.map((h) => h.id).sort()).toEqual([me.ids[1], me.ids[3]].sort());
    expect(hits[0]!.score).toBeCloseTo(1, 9);
  });
});
