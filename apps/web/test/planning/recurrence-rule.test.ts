import { parseRecurrenceRule } from '@teamflow/contracts/recurrence';
import { describeRule, fromRule, toRule } from '@/modules/planning/recurrence-rule';

describe('the recurrence picker’s rules', () => {
  it('writes each choice as an RRULE the api accepts, and reads it back', () => {
    const choices = [
      { kind: 'daily', interval: 3, weekdays: [], monthDay: 1 },
      { kind: 'weekdays', interval: 1, weekdays: [], monthDay: 1 },
      { kind: 'weekly', interval: 2, weekdays: [4, 1], monthDay: 1 },
      { kind: 'monthly', interval: 1, weekdays: [], monthDay: -1 },
    ] as const;
    expect(choices.map((c) => toRule({ ...c, weekdays: [...c.weekdays] }))).toEqual([
      'FREQ=DAILY;INTERVAL=3',
      'FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR',
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH',
      'FREQ=MONTHLY;BYMONTHDAY=-1',
    ]);
    for (const c of choices) {
      const rule = toRule({ ...c, weekdays: [...c.weekdays] });
      expect(typeof parseRecurrenceRule(rule)).toBe('object');
      expect(toRule(fromRule(rule))).toBe(rule);
    }
  });

  it('says a rule in words', () => {
    expect(describeRule('FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR')).toBe('Every weekday');
    expect(describeRule('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH')).toBe('Every 2 weeks on Monday and Thursday');
    expect(describeRule('FREQ=MONTHLY;BYMONTHDAY=-1')).toBe('Every month on the last day');
    expect(describeRule('FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=22')).toBe('Every 3 months on the 22nd');
    expect(describeRule('FREQ=DAILY')).toBe('Every day');
  });
});
