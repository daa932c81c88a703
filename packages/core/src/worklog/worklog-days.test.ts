import { randomUUID } from 'node:crypto';
import { INSIGHTS_ACHIEVEMENT_LIMIT, type WorklogInsights } from '@teamflow/contracts/worklog';
import { analyseEntry } from './analyse-entry';
import { createEntry } from './create-entry';
import { deleteEntry } from './delete-entry';
import { getInsights } from './get-insights';
import { updateEntry } from './update-entry';
import { seededRandom } from '../../testing/seeded-random';
import { testCoreDeps } from '../../testing/test-core-deps';

/**
 * Insights are read from `worklog_days`, a roll-up the database triggers keep. After a seeded
 * stream of writes (new entries, analyses, autosaves, moves to another day, deletions), each
 * answer equals the same aggregates computed straight from the entries and their analyses, the
 * way insights were computed before the roll-up (including through the Redis cache).
 */

const { deps, handle } = testCoreDeps({ AI_PROVIDER: 'local', OPENAI_API_KEY: '' });
const logger = deps.logger;

const BODIES = [
  'Shipped the #payments refactor in TypeScript and cut p95 latency by 40%. Great day.',
  'Debugged Kubernetes networking for hours; frustrating and tiring.',
  'Reviewed pull requests for #Billing and fixed a flaky Postgres test.',
  'Led the design review of the React board view, reduced the bundle from 900 to 400 kb.',
  'Meetings all day, nothing shipped. #billing',
  'Wrote Go tests for the #payments worker, improved coverage by 15%.',
];
const DAYS = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05'];

/** The insights' aggregates straight from the entries, as `rangeAggregates` computed them before. */
async function fromEntries(userId: string, from: string, to: string) {
  const q = async <T>(text: string) => (await handle.pool.query(text, [userId, from, to])).rows as T[];
  const inRange = `e.user_id = $1 and e.date between $2::date and $3::date`;
  const joined = `worklog_entries e join worklog_insights i on i.entry_id = e.id and i.user_id = $1`;
  const [mood, perDay, skills, projects, themes, achievements] = await Promise.all([
    q<{ date: string; score: number; entries: number }>(`
      select e.date::text as date, avg(i.sentiment_score)::float8 as score, count(*)::int as entries
      from ${joined} where ${inRange} and i.analysed_at is not null group by e.date order by e.date`),
    q<{ date: string; entries: number }>(`
      select e.date::text as date, count(*)::int as entries from worklog_entries e
      where ${inRange} group by e.date order by e.date`),
    q(`select s as name, count(*)::int as count from ${joined}, unnest(i.skills) s
       where ${inRange} group by s order by count desc, s limit 20`),
    q(`select min(p) as name, count(*)::int as count from ${joined}, unnest(i.projects) p
       where ${inRange} group by lower(p) order by count desc, min(p) limit 20`),
    q(`select t as term, count(*)::int as count from ${joined}, unnest(i.themes) t
       where ${inRange} group by t order by count desc, t limit 20`),
    q<{ entryId: string; date: string; text: string; impact: string | null; metric: string | null }>(`
      select e.id as "entryId", e.date::text as date, a->>'text' as text, a->>'impact' as impact, a->>'metric' as metric
      from ${joined}, jsonb_array_elements(i.achievements) with ordinality x(a, n)
      where ${inRange} order by e.date desc, (a->>'metric') is null, e.id, x.n limit ${INSIGHTS_ACHIEVEMENT_LIMIT + 1}`),
  ]);
  const entriesOn = new Map(perDay.map((d) => [d.date, d.entries]));
  return {
    moodTrend: mood.map((m) => ({ ...m, score: Math.round(m.score * 1000) / 1000 })),
    activity: DAYS.map((date) => ({ date, entries: entriesOn.get(date) ?? 0, tasksDone: 0 })),
    skills,
    projects,
    themes,
    achievementsTruncated: achievements.length > INSIGHTS_ACHIEVEMENT_LIMIT,
    achievements: achievements.slice(0, INSIGHTS_ACHIEVEMENT_LIMIT).map((a) => ({
      entryId: a.entryId,
      date: a.date,
      text: a.text,
      ...(a.impact ? { impact: a.impact } : {}),
      ...(a.metric ? { metric: a.metric } : {}),
    })),
  };
}

describe('insights from the per-day roll-up', () => {
  it('answer what the entries and their analyses say, after every kind of write', async () => {
    const userId = randomUUID();
    await handle.pool.query(`insert into users (id, email, name) values ($1, $2, 'Days')`, [
      userId,
      `days-${userId}@example.test`,
    ]);
    const ctx = { actor: { id: userId, name: 'Days' }, requestId: 'test', logger };
    const range = { from: DAYS[0]!, to: DAYS.at(-1)! };
    const random = seededRandom(14);
    const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)]!;
    const live = new Map<string, number>(); // entry id → version

    for (let step = 0; step < 60; step++) {
      const roll = random();
      const ids = [...live.keys()];
      if (ids.length === 0 || roll < 0.35) {
        const entry = await createEntry(deps, ctx, 'UTC', { date: pick(DAYS), body: pick(BODIES) });
        live.set(entry.id, entry.version);
      } else if (roll < 0.65) {
        await analyseEntry(deps, { userId, entryId: pick(ids) });
      } else if (roll < 0.8) {
        const id = pick(ids);
        const moved = await updateEntry(deps, ctx, id, {
          body: pick(BODIES),
          version: live.get(id)!,
          ...(random() < 0.5 ? { date: pick(DAYS) } : {}),
        });
        live.set(id, moved.version);
      } else {
        const id = pick(ids);
        await deleteEntry(deps, ctx, id);
        live.delete(id);
      }
      if (step % 5 === 4) {
        const insights: WorklogInsights = await getInsights(deps, ctx, 'UTC', range);
        expect(insights).toEqual({ ...range, ...(await fromEntries(userId, range.from, range.to)) });
      }
    }
    // The stream did write, analyse, move and delete (the seed is fixed; this guards the test itself).
    const { rows } = await handle.pool.query(
      `select count(*)::int as n, count(i.analysed_at)::int as analysed from worklog_entries e
       left join worklog_insights i on i.entry_id = e.id where e.user_id = $1`,
      [userId],
    );
    expect(rows[0].n).toBeGreaterThan(3);
    expect(rows[0].analysed).toBeGreaterThan(0);
  });
});
