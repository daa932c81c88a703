import type { MyPatterns } from '@teamflow/contracts/patterns';

export type PatternFigures = Omit<MyPatterns, 'summary' | 'source'>;

const WEEKDAYS = ['Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays'];
const hours = (h: number) =>
  h < 48 ? `${Math.round(h * 10) / 10} h` : `${Math.round((h / 24) * 10) / 10} days`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The local summary of a person's patterns: template sentences filled from the figures, one per
 * finding, nothing the numbers do not say.
 */
export function localPatternsSummary(p: PatternFigures): string {
  const sentences: string[] = [];
  const { finished, estimates, cycleTime, blocked } = p;
  if (finished.total === 0) {
    sentences.push(`You finished no tasks between ${p.from} and ${p.to}.`);
  } else {
    sentences.push(`You finished ${plural(finished.total, 'task')} between ${p.from} and ${p.to}.`);
    if (finished.busiestWeekday !== null && finished.busiestHour !== null) {
      sentences.push(
        `Most were done on ${WEEKDAYS[finished.busiestWeekday - 1]} around ${String(finished.busiestHour).padStart(2, '0')}:00 (${p.timeZone}).`,
      );
    }
  }
  if (estimates.agreement !== null) {
    const a = estimates.agreement;
    sentences.push(
      a >= 0.6
        ? `Your story points track the time tasks spend in progress well (agreement ${a.toFixed(2)}).`
        : a >= 0.2
          ? `Your story points track time in progress loosely (agreement ${a.toFixed(2)}).`
          : `Your story points and the time tasks spend in progress do not agree (agreement ${a.toFixed(2)}): bigger estimates did not take longer.`,
    );
  }
  const byPriority = [...cycleTime].sort((x, y) => y.medianHours - x.medianHours);
  if (byPriority.length >= 2) {
    const slow = byPriority[0]!;
    const fast = byPriority[byPriority.length - 1]!;
    sentences.push(
      `${slow.priority[0]!.toUpperCase()}${slow.priority.slice(1)}-priority tasks took longest (median ${hours(slow.medianHours)} from created to done); ${fast.priority} ones the least (${hours(fast.medianHours)}).`,
    );
  } else if (byPriority.length === 1) {
    sentences.push(
      `Your ${byPriority[0]!.priority}-priority tasks took a median of ${hours(byPriority[0]!.medianHours)} from created to done.`,
    );
  }
  if (blocked.tasks > 0) {
    const top = blocked.byTask[0];
    sentences.push(
      `${plural(blocked.tasks, 'task')} of yours ${blocked.tasks === 1 ? 'was' : 'were'} blocked at some point (${Math.round(blocked.share * 100)}%)${top ? `, most often waiting on ${top.key} ${top.title}` : ''}.`,
    );
  } else if (finished.total > 0) {
    sentences.push('None of your tasks were blocked.');
  }
  return sentences.join(' ');
}
