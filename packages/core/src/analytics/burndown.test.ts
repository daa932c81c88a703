import { computeBurndown, type SprintTimes, type Stint } from './burndown';

const at = (iso: string) => new Date(iso);
const stint = (points: number, added: string, extra: Partial<Stint> = {}): Stint => ({
  taskId: `t${points}${added}`,
  points,
  addedAt: at(added),
  removedAt: null,
  completedAt: null,
  ...extra,
});

describe('computeBurndown', () => {
  it('draws a planned sprint’s days with the ideal line but no actuals', () => {
    const sprint: SprintTimes = {
      id: 's',
      state: 'planned',
      startDate: '2026-04-01',
      endDate: '2026-04-03',
      startedAt: null,
      completedAt: null,
    };
    const result = computeBurndown(sprint, [stint(4, '2026-03-30T10:00Z')], at('2026-03-31T12:00Z'));
    expect(result.committedPoints).toBe(4);
    expect(result.days.map((d) => [d.date, d.remainingPoints, d.idealPoints])).toEqual([
      ['2026-04-01', null, 4],
      ['2026-04-02', null, 2],
      ['2026-04-03', null, 0],
    ]);
  });

  it('runs a late sprint on past its end date up to today, counting a task once done', () => {
    const sprint: SprintTimes = {
      id: 's',
      state: 'active',
      startDate: '2026-04-01',
      endDate: '2026-04-02',
      startedAt: at('2026-04-01T08:00Z'),
      completedAt: null,
    };
    const stints = [
      stint(3, '2026-03-31T10:00Z', { completedAt: at('2026-04-03T09:00Z') }),
      stint(5, '2026-03-31T10:00Z'),
    ];
    const result = computeBurndown(sprint, stints, at('2026-04-03T12:00Z'));
    expect(result.days.map((d) => [d.date, d.remainingPoints, d.remainingTasks])).toEqual([
      ['2026-04-01', 8, 2],
      ['2026-04-02', 8, 2],
      ['2026-04-03', 5, 1],
    ]);
  });

  it('does not count a rollover at completion as scope removed', () => {
    const sprint: SprintTimes = {
      id: 's',
      state: 'completed',
      startDate: '2026-04-01',
      endDate: '2026-04-01',
      startedAt: at('2026-04-01T08:00Z'),
      completedAt: at('2026-04-01T17:00Z'),
    };
    const result = computeBurndown(
      sprint,
      [stint(2, '2026-03-31T10:00Z', { removedAt: at('2026-04-01T17:00Z') })],
      at('2026-05-01T00:00Z'),
    );
    expect(result.days).toEqual([
      expect.objectContaining({ remainingPoints: 2, scopePoints: 2, removedPoints: 0, addedPoints: 0 }),
    ]);
  });
});
