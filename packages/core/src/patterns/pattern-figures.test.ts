import { patternFigures } from './pattern-figures';
import type { FinishedTaskRow } from './patterns.repository';

const range = { from: '2026-11-01', to: '2026-11-30', timeZone: 'UTC' };
const noBlocking = { tasks: 0, blockedTasks: 0, times: 0, byTask: [] };
const task = (
  id: string,
  created: string,
  completed: string,
  startedAt: string | null = null,
): FinishedTaskRow => ({
  id,
  priority: 'medium',
  storyPoints: 2,
  createdAt: new Date(created),
  completedAt: new Date(completed),
  startedAt: startedAt ? new Date(startedAt) : null,
});

describe('patternFigures', () => {
  it('leaves a task done before it was made (imported with its old completion) out of the durations', () => {
    const figures = patternFigures(
      range,
      [
        task('a', '2026-11-02T09:00:00Z', '2026-11-03T09:00:00Z'),
        task('b', '2026-11-04T09:00:00Z', '2026-11-04T21:00:00Z', '2026-11-04T15:00:00Z'),
        task('imported', '2026-11-20T09:00:00Z', '2026-11-05T09:00:00Z'),
      ],
      noBlocking,
    );
    expect(figures.finished.total).toBe(3);
    expect(figures.cycleTime).toEqual([{ priority: 'medium', tasks: 2, medianHours: 18 }]);
    expect(figures.estimates.byPoints).toEqual([{ points: 2, tasks: 2, medianHours: 15 }]);
  });
});
