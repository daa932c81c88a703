import type { ParsedRule } from '@teamflow/contracts/recurrence';
import { dayOfMonthAfter, daysBetween, isoWeekdayOf, shiftDate } from '../platform/local-dates';

/** Fills what the rule left to its start: a weekly rule's weekday, a monthly rule's day. */
export function anchorRule(rule: ParsedRule, startDate: string): ParsedRule {
  if (rule.freq === 'WEEKLY' && rule.byDay.length === 0) return { ...rule, byDay: [isoWeekdayOf(startDate)] };
  if (rule.freq === 'MONTHLY' && rule.byMonthDay === null)
    return { ...rule, byMonthDay: Number(startDate.slice(8, 10)) };
  return rule;
}

// Longest cycle of the subset: 365-week intervals, or 365 months of a day only some months have.
const MAX_DAYS = 7 * 366 + 7;
const MAX_MONTHS = 12 * 400;

/**
 * The first local date after `after` on which an (anchored) rule falls, counting intervals from
 * `anchor`: every n-th day from it, every n-th week from its week (weeks start on Monday), every
 * n-th month from its month. Pure calendar arithmetic: the zone only matters for the time of day.
 */
export function nextOccurrenceAfter(rule: ParsedRule, anchor: string, after: string): string {
  const from = after < anchor ? shiftDate(anchor, -1) : after;
  if (rule.freq === 'MONTHLY') {
    const day = rule.byMonthDay ?? Number(anchor.slice(8, 10));
    const offset =
      (Number(from.slice(0, 4)) - Number(anchor.slice(0, 4))) * 12 +
      (Number(from.slice(5, 7)) - Number(anchor.slice(5, 7)));
    for (let m = offset; m < offset + MAX_MONTHS; m++) {
      if (m % rule.interval !== 0) continue;
      const date = dayOfMonthAfter(anchor, m, day);
      if (date && date > from) return date;
    }
    throw new Error(`no occurrence of ${JSON.stringify(rule)} within ${MAX_MONTHS} months`);
  }
  const anchorMonday = shiftDate(anchor, 1 - isoWeekdayOf(anchor));
  const days = rule.byDay.length ? rule.byDay : rule.freq === 'WEEKLY' ? [isoWeekdayOf(anchor)] : [];
  for (let date = shiftDate(from, 1), n = 0; n < MAX_DAYS; date = shiftDate(date, 1), n++) {
    const weekday = isoWeekdayOf(date);
    if (days.length && !days.includes(weekday)) continue;
    const due =
      rule.freq === 'DAILY'
        ? daysBetween(anchor, date) % rule.interval === 0
        : ((daysBetween(anchorMonday, date) - (weekday - 1)) / 7) % rule.interval === 0;
    if (due) return date;
  }
  throw new Error(`no occurrence of ${JSON.stringify(rule)} within ${MAX_DAYS} days`);
}
