import type { Burndown, BurndownDay, SprintState } from '@teamflow/contracts/sprints';

/** One stint of a task in a sprint, with what burndown needs of the task. */
export interface Stint {
  taskId: string;
  points: number;
  addedAt: Date;
  /** When the stint ended: removed from the sprint, or the task deleted (whichever came first). */
  removedAt: Date | null;
  completedAt: Date | null;
}

export interface SprintTimes {
  id: string;
  state: SprintState;
  startDate: string | null;
  endDate: string | null;
  startedAt: Date | null;
  completedAt: Date | null;
}

const DAY_MS = 86_400_000;
// A sprint longer than a year is a data mistake; never draw more than this many days.
const MAX_DAYS = 366;

export const dayOf = (at: Date) => at.toISOString().slice(0, 10);
const startOfDay = (day: string) => new Date(`${day}T00:00:00.000Z`);
const addDays = (day: string, n: number) => dayOf(new Date(startOfDay(day).getTime() + n * DAY_MS));

const inSprintAt = (s: Stint, at: Date) => s.addedAt <= at && (s.removedAt === null || s.removedAt >= at);
const doneBy = (s: Stint, at: Date) => s.completedAt !== null && s.completedAt <= at;
const sum = (stints: Stint[]) => stints.reduce((total, s) => total + s.points, 0);

/** When the sprint's clock started: the moment it was started, else the start of its start date. */
export function startInstant(sprint: SprintTimes): Date | null {
  return sprint.startedAt ?? (sprint.startDate ? startOfDay(sprint.startDate) : null);
}

/** Scope in the sprint at an instant: points and tasks (a task counts once however many stints). */
export function scopeAt(stints: Stint[], at: Date): { points: number; tasks: number; done: Stint[] } {
  const inside = stints.filter((s) => inSprintAt(s, at));
  return { points: sum(inside), tasks: inside.length, done: inside.filter((s) => doneBy(s, at)) };
}

/**
 * Burndown replayed from membership history: for each day (UTC) of the sprint, what was in the
 * sprint at the end of that day and not done by then. The sprint's clock stops when it completes
 * (or now, while it runs), so a rollover at completion does not look like scope removed.
 */
export function computeBurndown(
  sprint: SprintTimes,
  stints: Stint[],
  now: Date,
): Omit<Burndown, 'computedAt'> {
  const start = startInstant(sprint);
  const stop = sprint.state === 'planned' ? null : (sprint.completedAt ?? now);
  const firstDay = sprint.startDate ?? (start ? dayOf(start) : null);
  let lastDay = sprint.endDate ?? (stop ? dayOf(stop) : firstDay);
  if (stop && lastDay && dayOf(stop) > lastDay) lastDay = dayOf(stop);
  const committed = start && sprint.state !== 'planned' ? scopeAt(stints, start) : scopeAt(stints, now);

  const days: BurndownDay[] = [];
  if (firstDay && lastDay) {
    for (let day = firstDay; day <= lastDay && days.length < MAX_DAYS; day = addDays(day, 1)) {
      const dayStart = startOfDay(day);
      const dayEnd = new Date(dayStart.getTime() + DAY_MS);
      const happened = stop !== null && start !== null && dayStart <= stop;
      const at = stop && dayEnd > stop ? stop : dayEnd;
      const during = (t: Date | null) =>
        t !== null && start !== null && stop !== null && t > start && t >= dayStart && t < dayEnd && t < stop;
      const inside = happened ? stints.filter((s) => inSprintAt(s, at)) : [];
      const remaining = inside.filter((s) => !doneBy(s, at));
      days.push({
        date: day,
        remainingPoints: happened ? sum(remaining) : null,
        remainingTasks: happened ? remaining.length : null,
        scopePoints: happened ? sum(inside) : null,
        addedPoints: sum(stints.filter((s) => during(s.addedAt))),
        removedPoints: sum(stints.filter((s) => during(s.removedAt))),
        idealPoints: 0,
      });
    }
  }
  const n = days.length;
  days.forEach((d, i) => {
    d.idealPoints = n > 1 ? Math.round(committed.points * (1 - i / (n - 1)) * 100) / 100 : 0;
  });
  return {
    sprintId: sprint.id,
    state: sprint.state,
    startDate: firstDay,
    endDate: lastDay,
    committedPoints: committed.points,
    committedTasks: committed.tasks,
    days,
  };
}
