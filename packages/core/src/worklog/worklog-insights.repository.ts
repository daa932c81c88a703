import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@teamflow/db/client';

/**
 * Insights' reads, all from `worklog_days`, the per-day roll-up that triggers keep current on
 * every write: a year is 365 rows, not 10,000 entries joined to their analyses once per
 * aggregate. PRIVACY: every query is fenced by the author's id.
 */

export interface RangeAggregates {
  mood: { date: string; score: number; entries: number }[];
  entriesPerDay: { date: string; entries: number }[];
  skills: { name: string; count: number }[];
  projects: { name: string; count: number }[];
  themes: { term: string; count: number }[];
  achievements: { entryId: string; date: string; text: string; impact?: string; metric?: string }[];
}

type AchievementRow = {
  entryId: string;
  date: string;
  text: string;
  impact: string | null;
  metric: string | null;
};

/**
 * Every aggregate of the range in one round trip (one row of JSON columns); at most
 * `achievementLimit` achievements, the newest days' first.
 */
export async function rangeAggregates(
  db: DbOrTx,
  userId: string,
  from: string,
  to: string,
  achievementLimit: number,
): Promise<RangeAggregates> {
  const inRange = sql`d.user_id = ${userId} and d.date between ${from}::date and ${to}::date`;
  const result = await db.execute<
    Omit<RangeAggregates, 'achievements'> & { achievements: AchievementRow[] }
  >(sql`
    select
      (select coalesce(json_agg(json_build_object('date', d.date::text, 'score', d.sentiment_sum / d.analysed, 'entries', d.analysed) order by d.date), '[]')
         from worklog_days d where ${inRange} and d.analysed > 0) as mood,
      (select coalesce(json_agg(json_build_object('date', d.date::text, 'entries', d.entries) order by d.date), '[]')
         from worklog_days d where ${inRange}) as "entriesPerDay",
      (select coalesce(json_agg(json_build_object('name', name, 'count', count) order by count desc, name), '[]') from (
         select x.name, sum(x.n)::int as count
         from worklog_days d, unnest(d.skills, d.skill_counts) as x(name, n) where ${inRange}
         group by x.name order by count desc, x.name limit 20) top) as skills,
      (select coalesce(json_agg(json_build_object('name', name, 'count', count) order by count desc, name), '[]') from (
         select min(x.name) as name, sum(x.n)::int as count
         from worklog_days d, unnest(d.project_keys, d.project_names, d.project_counts) as x(key, name, n) where ${inRange}
         group by x.key order by count desc, min(x.name) limit 20) top) as projects,
      (select coalesce(json_agg(json_build_object('term', term, 'count', count) order by count desc, term), '[]') from (
         select x.term, sum(x.n)::int as count
         from worklog_days d, unnest(d.themes, d.theme_counts) as x(term, n) where ${inRange}
         group by x.term order by count desc, x.term limit 20) top) as themes,
      (select coalesce(json_agg(json_build_object('entryId', a.v->>'entryId', 'date', a.date, 'text', a.v->>'text',
                                                  'impact', a.v->>'impact', 'metric', a.v->>'metric') order by a.date desc, a.n), '[]') from (
         select d.date::text as date, x.v, x.n
         from worklog_days d, jsonb_array_elements(d.achievements) with ordinality as x(v, n) where ${inRange}
         order by d.date desc, x.n limit ${achievementLimit}) a) as achievements`);
  const row = result.rows[0]!;
  return {
    mood: row.mood,
    entriesPerDay: row.entriesPerDay,
    skills: row.skills,
    projects: row.projects,
    themes: row.themes,
    achievements: row.achievements.map((a) => ({
      entryId: a.entryId,
      date: a.date,
      text: a.text,
      ...(a.impact ? { impact: a.impact } : {}),
      ...(a.metric ? { metric: a.metric } : {}),
    })),
  };
}

/**
 * What the range's work-log side of the insights depends on, in one short string: its day roll-ups
 * (every save, analysis or deletion rewrites its day's row, with a new `updated_at`). The tasks'
 * side has its own stamp (`completedTasksStamp`).
 */
export async function insightsStamp(db: DbOrTx, userId: string, from: string, to: string): Promise<string> {
  const result = await db.execute<{ stamp: string }>(sql`
    select count(*) || ':' || coalesce(md5(string_agg(date::text || ':' || updated_at::text, ',' order by date)), '') as stamp
    from worklog_days where user_id = ${userId} and date between ${from}::date and ${to}::date`);
  return result.rows[0]?.stamp ?? '';
}
