import type { PatternFigures } from '@teamflow/ai/local/patterns.rules';
import type { TaskPriority } from '@teamflow/contracts/tasks';
import { isoWeekdayOf, localDateOf, localTimeOf } from '../platform/local-dates';
import type { BlockedFigures, FinishedTaskRow } from './patterns.repository';

const HOUR_MS = 3_600_000;
const PRIORITIES: TaskPriority[] = ['critical', 'high', 'medium', 'low'];
const round1 = (n: number) => Math.round(n * 10) / 10;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Ranks with ties sharing their mean rank (for Spearman's coefficient). */
function ranks(values: number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(values.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    for (let k = i; k <= j; k++) out[order[k]![1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}

/** Spearman's rank correlation (Pearson's over ranks); null when either side does not vary. */
export function rankAgreement(xs: number[], ys: number[]): number | null {
  if (xs.length < 3) return null;
  const rx = ranks(xs);
  const ry = ranks(ys);
  const mean = (rx.length + 1) / 2;
  let num = 0;
  let dx = 0;
  let dy = 0;
  for (let i = 0; i < rx.length; i++) {
    num += (rx[i]! - mean) * (ry[i]! - mean);
    dx += (rx[i]! - mean) ** 2;
    dy += (ry[i]! - mean) ** 2;
  }
  if (dx === 0 || dy === 0) return null;
  return Math.round((num / Math.sqrt(dx * dy)) * 100) / 100;
}

/**
 * The figures of "My patterns" from the caller's finished tasks, in their zone: when they finish
 * (ISO weekday × hour), points against hours in progress, cycle time per priority, blocking.
 */
export function patternFigures(
  range: { from: string; to: string; timeZone: string },
  finished: FinishedTaskRow[],
  blocked: BlockedFigures,
): PatternFigures {
  const cells = new Map<string, { weekday: number; hour: number; count: number }>();
  const weekdays = new Map<number, number>();
  const hours = new Map<number, number>();
  for (const t of finished) {
    const weekday = isoWeekdayOf(localDateOf(t.completedAt, range.timeZone));
    const hour = Number(localTimeOf(t.completedAt, range.timeZone).slice(0, 2));
    const key = `${weekday}:${hour}`;
    const cell = cells.get(key) ?? { weekday, hour, count: 0 };
    cell.count++;
    cells.set(key, cell);
    weekdays.set(weekday, (weekdays.get(weekday) ?? 0) + 1);
    hours.set(hour, (hours.get(hour) ?? 0) + 1);
  }
  const busiest = (m: Map<number, number>) =>
    m.size ? [...m.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0] : null;

  // A task done before it was made or started (imported with its old completion date) says
  // nothing about how long work takes: it is left out of the durations, not counted as 0 h.
  const elapsedHours = (from: Date, to: Date): number | null => {
    const hours = (to.getTime() - from.getTime()) / HOUR_MS;
    return hours >= 0 ? hours : null;
  };
  const pointed = finished.flatMap((t) => {
    const hours = elapsedHours(t.startedAt ?? t.createdAt, t.completedAt);
    return t.storyPoints !== null && hours !== null ? [{ points: t.storyPoints, hours }] : [];
  });
  const byPoints = new Map<number, number[]>();
  for (const t of pointed) byPoints.set(t.points, [...(byPoints.get(t.points) ?? []), t.hours]);

  return {
    from: range.from,
    to: range.to,
    timeZone: range.timeZone,
    finished: {
      total: finished.length,
      byWeekdayHour: [...cells.values()].sort((a, b) => a.weekday - b.weekday || a.hour - b.hour),
      busiestWeekday: busiest(weekdays),
      busiestHour: busiest(hours),
    },
    estimates: {
      byPoints: [...byPoints.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([points, hs]) => ({ points, tasks: hs.length, medianHours: round1(median(hs)) })),
      agreement: rankAgreement(
        pointed.map((t) => t.points),
        pointed.map((t) => t.hours),
      ),
    },
    cycleTime: PRIORITIES.flatMap((priority) => {
      const hs = finished
        .filter((t) => t.priority === priority)
        .flatMap((t) => elapsedHours(t.createdAt, t.completedAt) ?? []);
      return hs.length ? [{ priority, tasks: hs.length, medianHours: round1(median(hs)) }] : [];
    }),
    blocked: {
      tasks: blocked.blockedTasks,
      times: blocked.times,
      share: blocked.tasks ? Math.round((blocked.blockedTasks / blocked.tasks) * 100) / 100 : 0,
      byTask: blocked.byTask,
    },
  };
}
