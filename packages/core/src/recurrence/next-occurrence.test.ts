import { parseRecurrenceRule, type ParsedRule } from '@teamflow/contracts/recurrence';
import { anchorRule, nextOccurrenceAfter } from './next-occurrence';

const rule = (text: string, start: string): ParsedRule => {
  const parsed = parseRecurrenceRule(text);
  if (typeof parsed === 'string') throw new Error(parsed);
  return anchorRule(parsed, start);
};
/** The first `count` dates of a rule from its start. */
const series = (text: string, start: string, count: number) => {
  const r = rule(text, start);
  const out = [start];
  while (out.length < count) out.push(nextOccurrenceAfter(r, start, out[out.length - 1]!));
  return out;
};

describe('nextOccurrenceAfter', () => {
  it('steps daily, every n days, and on weekdays only', () => {
    expect(series('FREQ=DAILY', '2026-10-30', 4)).toEqual([
      '2026-10-30',
      '2026-10-31',
      '2026-11-01',
      '2026-11-02',
    ]);
    expect(series('FREQ=DAILY;INTERVAL=3', '2026-12-30', 3)).toEqual([
      '2026-12-30',
      '2027-01-02',
      '2027-01-05',
    ]);
    // 2026-12-04 is a Friday.
    expect(series('FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR', '2026-12-04', 3)).toEqual([
      '2026-12-04',
      '2026-12-07',
      '2026-12-08',
    ]);
  });

  it('steps weekly on given days, every n weeks counted from the start week', () => {
    // Monday 2026-12-07.
    expect(series('FREQ=WEEKLY;BYDAY=MO,TH', '2026-12-07', 4)).toEqual([
      '2026-12-07',
      '2026-12-10',
      '2026-12-14',
      '2026-12-17',
    ]);
    expect(series('FREQ=WEEKLY;INTERVAL=2;BYDAY=WE', '2026-12-09', 3)).toEqual([
      '2026-12-09',
      '2026-12-23',
      '2027-01-06',
    ]);
    // Without BYDAY: the start's weekday.
    expect(series('FREQ=WEEKLY', '2026-12-10', 2)).toEqual(['2026-12-10', '2026-12-17']);
  });

  it('steps monthly on a day, skipping months without it, and on the last day', () => {
    expect(series('FREQ=MONTHLY;BYMONTHDAY=31', '2027-01-31', 3)).toEqual([
      '2027-01-31',
      '2027-03-31',
      '2027-05-31',
    ]);
    expect(series('FREQ=MONTHLY;BYMONTHDAY=-1', '2027-01-31', 3)).toEqual([
      '2027-01-31',
      '2027-02-28',
      '2027-03-31',
    ]);
    expect(series('FREQ=MONTHLY;INTERVAL=3', '2026-11-15', 3)).toEqual([
      '2026-11-15',
      '2027-02-15',
      '2027-05-15',
    ]);
  });

  it('never answers a date before the anchor', () => {
    expect(nextOccurrenceAfter(rule('FREQ=DAILY', '2027-01-10'), '2027-01-10', '2026-12-01')).toBe(
      '2027-01-10',
    );
  });
});

describe('parseRecurrenceRule', () => {
  it('refuses what the subset does not cover', () => {
    expect(parseRecurrenceRule('FREQ=YEARLY')).toMatch(/FREQ/);
    expect(parseRecurrenceRule('FREQ=DAILY;COUNT=3')).toMatch(/COUNT/);
    expect(parseRecurrenceRule('FREQ=WEEKLY;BYDAY=XX')).toMatch(/BYDAY/);
    expect(parseRecurrenceRule('FREQ=MONTHLY;BYMONTHDAY=32')).toMatch(/BYMONTHDAY/);
    expect(parseRecurrenceRule('FREQ=DAILY;INTERVAL=0')).toMatch(/INTERVAL/);
  });
});
