import { createHash } from 'node:crypto';
import {
  INSIGHTS_ACHIEVEMENT_LIMIT,
  type WorklogInsights,
  type WorklogRangeQuery,
} from '@teamflow/contracts/worklog';
import type { CoreDeps, Ctx } from '../platform/context';
import { datesBetween, endOfLocalDay, startOfLocalDay } from '../platform/local-dates';
import { resolveRange } from './date-range';
import { insightsStamp, rangeAggregates } from './worklog-insights.repository';
import { completedTasksStamp, tasksDonePerDay } from './completed-tasks.repository';

const CACHE_SECONDS = 3600;
// Part of the key: a new shape of the answer (v2: achievementsTruncated) must not be served the
// old one's cached hour, which the web's schema would refuse.
const CACHE_SHAPE = 'v2';

/**
 * Mood trend, activity per day (entries and tasks done: the heatmap), skills, projects,
 * achievements and themes over a range in the caller's zone. Cached in Redis under a stamp of
 * everything they depend on (`insightsStamp`, `completedTasksStamp`), so any write invalidates them;
 * Redis away → computed.
 */
export async function getInsights(
  deps: CoreDeps,
  ctx: Ctx,
  timeZone: string,
  query: WorklogRangeQuery,
): Promise<WorklogInsights> {
  const userId = ctx.actor.id;
  const { from, to } = resolveRange(query, timeZone);
  // A day's tasks are those done between its start and the next day's in the caller's zone: the
  // instants come from the same helpers as every local date here, so SQL counts the days
  // `localDateOf` would name, whatever PostgreSQL's own zone data says.
  const days = datesBetween(from, to);
  const bounds = [...days.map((d) => startOfLocalDay(d, timeZone)), endOfLocalDay(to, timeZone)];
  const stamps = await Promise.all([
    insightsStamp(deps.db, userId, from, to),
    completedTasksStamp(deps.db, userId, bounds[0]!, bounds.at(-1)!),
  ]);
  const stamp = stamps.join('|');
  const key = `worklog:insights:${CACHE_SHAPE}:${userId}:${from}:${to}:${timeZone}:${createHash('sha1').update(stamp).digest('hex')}`;
  const cached = await deps.redis.get(key).catch(() => null);
  if (cached) return JSON.parse(cached) as WorklogInsights;

  const [agg, done] = await Promise.all([
    // One achievement past the limit says the range holds more, so the answer can say so.
    rangeAggregates(deps.db, userId, from, to, INSIGHTS_ACHIEVEMENT_LIMIT + 1),
    tasksDonePerDay(deps.db, userId, bounds),
  ]);
  const entriesOn = new Map(agg.entriesPerDay.map((d) => [d.date, d.entries]));
  const insights: WorklogInsights = {
    from,
    to,
    moodTrend: agg.mood.map((m) => ({
      date: m.date,
      score: Math.round(m.score * 1000) / 1000,
      entries: m.entries,
    })),
    activity: days.map((date, i) => ({
      date,
      entries: entriesOn.get(date) ?? 0,
      tasksDone: done[i] ?? 0,
    })),
    skills: agg.skills,
    projects: agg.projects,
    achievements: agg.achievements.slice(0, INSIGHTS_ACHIEVEMENT_LIMIT),
    achievementsTruncated: agg.achievements.length > INSIGHTS_ACHIEVEMENT_LIMIT,
    themes: agg.themes,
  };
  await deps.redis.set(key, JSON.stringify(insights), 'EX', CACHE_SECONDS).catch(() => undefined);
  return insights;
}
