import { AiBudgetUpdate } from './ai';
import { ActivityQuery } from './activity';
import { CalendarDate, PageQuery, PG_INT_MAX, Version } from './common';
import { ProjectUpdate } from './projects';
import { SprintCreate } from './sprints';
import { TaskCreate, TaskListQuery, TaskMove, TaskUpdate } from './tasks';

/** Input bounds match what the database stores, so a bad value is a VALIDATION_ERROR naming its field. */

const fieldsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.success ? [] : result.error!.issues.map((i) => i.path.join('.'));

describe('version', () => {
  it('accepts 1 through the largest int4, the type of every version column', () => {
    expect(Version.safeParse(1).success).toBe(true);
    expect(Version.safeParse(PG_INT_MAX).success).toBe(true);
  });

  it.each([0, -1, 1.5, PG_INT_MAX + 1, 2 ** 53 - 1])('refuses %p', (value) => {
    expect(Version.safeParse(value).success).toBe(false);
  });

  it('is the same bound on projects, tasks, moves and sprints (2^31 names the version field)', () => {
    const tooBig = 2 ** 31;
    expect(fieldsOf(ProjectUpdate.safeParse({ version: tooBig }))).toEqual(['version']);
    expect(fieldsOf(TaskUpdate.safeParse({ version: tooBig }))).toEqual(['version']);
    expect(fieldsOf(TaskMove.safeParse({ version: tooBig, status: 'done' }))).toEqual(['version']);
  });
});

describe('calendar dates', () => {
  it.each(['1000-01-01', '2026-12-06', '2024-02-29', '9999-12-31'])('accepts %s', (day) => {
    expect(CalendarDate.safeParse(day).success).toBe(true);
  });

  it.each(['0000-01-01', '0999-12-31', '2023-02-29', '10000-01-01', '2026-13-01', '2026-1-1'])(
    'refuses %s',
    (day) => {
      expect(CalendarDate.safeParse(day).success).toBe(false);
    },
  );

  it('bounds due dates and sprint dates, naming the field', () => {
    expect(fieldsOf(TaskCreate.safeParse({ title: 'Due long ago', dueDate: '0000-01-01' }))).toEqual([
      'dueDate',
    ]);
    expect(fieldsOf(TaskListQuery.safeParse({ dueBefore: '0000-01-01' }))).toEqual(['dueBefore']);
    expect(fieldsOf(SprintCreate.safeParse({ name: 'S', startDate: '0001-01-01' }))).toEqual(['startDate']);
  });
});

describe('numbers in query strings', () => {
  it('reads plain decimal digits', () => {
    expect(PageQuery.parse({ limit: '16' }).limit).toBe(16);
    expect(PageQuery.parse({}).limit).toBe(50);
    expect(ActivityQuery.parse({ since: '0' }).since).toBe(0);
  });

  it.each(['0x10', '1e1', ' 16', '16 ', '+16', '-1', '16.0', '', '0', '101', '9'.repeat(400)])(
    'refuses limit=%p',
    (limit) => {
      expect(fieldsOf(PageQuery.safeParse({ limit }))).toEqual(['limit']);
    },
  );

  it('refuses a repeated parameter (an array)', () => {
    expect(fieldsOf(PageQuery.safeParse({ limit: ['1', '2'] }))).toEqual(['limit']);
  });
});

describe('AI budget', () => {
  it.each([0, 0.07, 25, 12.5, 99999.99, 100000])('accepts $%p', (monthlyBudgetUsd) => {
    expect(AiBudgetUpdate.safeParse({ monthlyBudgetUsd }).success).toBe(true);
  });

  it.each([1e-7, 0.001, 12.345, -0.01, 100000.01])('refuses $%p (not whole cents, or out of range)', (v) => {
    expect(fieldsOf(AiBudgetUpdate.safeParse({ monthlyBudgetUsd: v }))).toEqual(['monthlyBudgetUsd']);
  });
});
