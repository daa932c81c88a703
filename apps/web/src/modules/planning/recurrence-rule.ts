import { parseRecurrenceRule, RRULE_WEEKDAYS, type ParsedRule } from '@teamflow/contracts/recurrence';

/** What the recurrence picker edits; `toRule` writes it as the RRULE the api takes. */
export interface RecurrenceChoice {
  kind: 'daily' | 'weekdays' | 'weekly' | 'monthly';
  interval: number;
  /** ISO weekdays (1 = Monday) for `weekly`. */
  weekdays: number[];
  /** 1–31, or -1 for the last day, for `monthly`. */
  monthDay: number;
}

export const DEFAULT_CHOICE: RecurrenceChoice = { kind: 'weekly', interval: 1, weekdays: [1], monthDay: 1 };

export function toRule(choice: RecurrenceChoice): string {
  const every = choice.interval > 1 ? `;INTERVAL=${choice.interval}` : '';
  switch (choice.kind) {
    case 'daily':
      return `FREQ=DAILY${every}`;
    case 'weekdays':
      return 'FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR';
    case 'weekly': {
      const days = [...new Set(choice.weekdays)].sort((a, b) => a - b).map((d) => RRULE_WEEKDAYS[d - 1]);
      return `FREQ=WEEKLY${every}${days.length ? `;BYDAY=${days.join(',')}` : ''}`;
    }
    case 'monthly':
      return `FREQ=MONTHLY${every};BYMONTHDAY=${choice.monthDay}`;
  }
}

/** The picker's state for a stored rule (falls back to the default for anything it cannot show). */
export function fromRule(text: string): RecurrenceChoice {
  const rule = parseRecurrenceRule(text);
  if (typeof rule === 'string') return DEFAULT_CHOICE;
  const weekdays = rule.byDay.join() === '1,2,3,4,5';
  if (rule.freq === 'DAILY')
    return {
      ...DEFAULT_CHOICE,
      kind: weekdays && rule.interval === 1 ? 'weekdays' : 'daily',
      interval: rule.interval,
    };
  if (rule.freq === 'WEEKLY')
    return { ...DEFAULT_CHOICE, kind: 'weekly', interval: rule.interval, weekdays: rule.byDay };
  return { ...DEFAULT_CHOICE, kind: 'monthly', interval: rule.interval, monthDay: rule.byMonthDay ?? 1 };
}

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const ordinal = (n: number) => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
};

/** "Every 2 weeks on Monday and Thursday", "Every weekday", "Monthly on the last day". */
export function describeRule(text: string): string {
  const rule: ParsedRule | string = parseRecurrenceRule(text);
  if (typeof rule === 'string') return text;
  const n = rule.interval;
  const days = rule.byDay.map((d) => DAY_NAMES[d - 1]!);
  const list =
    days.length > 1 ? `${days.slice(0, -1).join(', ')} and ${days[days.length - 1]}` : (days[0] ?? '');
  if (rule.freq === 'DAILY') {
    if (rule.byDay.join() === '1,2,3,4,5' && n === 1) return 'Every weekday';
    const base = n === 1 ? 'Every day' : `Every ${n} days`;
    return days.length ? `${base}, on ${list}` : base;
  }
  if (rule.freq === 'WEEKLY')
    return `${n === 1 ? 'Every week' : `Every ${n} weeks`}${days.length ? ` on ${list}` : ''}`;
  const day =
    rule.byMonthDay === -1
      ? 'the last day'
      : rule.byMonthDay
        ? `the ${ordinal(rule.byMonthDay)}`
        : 'the same day';
  return `${n === 1 ? 'Every month' : `Every ${n} months`} on ${day}`;
}
