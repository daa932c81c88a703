import type { NextItem, NextOutput, NextReason } from '@teamflow/contracts/ai';
import type { NextInput, NextTask } from '../inputs';

const DAY_MS = 86_400_000;
/** Whole days from one YYYY-MM-DD to another (calendar dates, no zone). */
const daysFrom = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
const list = (keys: string[]) =>
  keys.length > 3 ? `${keys.slice(0, 3).join(', ')} and ${keys.length - 3} more` : keys.join(', ');

export const PRIORITY_POINTS = { critical: 30, high: 20, medium: 10, low: 0 } as const;

/**
 * The local "what next" rule (documented in docs/ai.md): a score per task, the sum of
 *
 * | signal | points |
 * | --- | --- |
 * | priority | critical 30, high 20, medium 10, low 0 |
 * | overdue | 50, plus 2 per day late (up to 10 days) |
 * | due today / in 1–3 days / in 4–7 days | 40 / 30, 25, 20 / 10 |
 * | blocks open tasks | 15 each, up to 3 |
 * | in the active sprint | 15 with a goal, 10 without |
 * | already in progress or in review | 20 (finishing beats starting) |
 * | named in today's check-in | 15 |
 * | untouched for 7 days or more | 5, plus 5 per further week (up to 20) |
 * | waits on open tasks, or blocked | −25 |
 *
 * Highest first; ties: earlier due date, then key. Each reason names the signal that added it.
 */
export function scoreNextTask(task: NextTask, today: string): { score: number; reasons: NextReason[] } {
  const reasons: NextReason[] = [];
  let score = PRIORITY_POINTS[task.priority];
  if (task.dueDate) {
    const days = daysFrom(today, task.dueDate);
    if (days < 0) {
      score += 50 + 2 * Math.min(-days, 10);
      reasons.push({
        kind: 'overdue',
        text: `Overdue by ${-days} day${days === -1 ? '' : 's'} (due ${task.dueDate})`,
      });
    } else if (days === 0) {
      score += 40;
      reasons.push({ kind: 'due_soon', text: 'Due today' });
    } else if (days <= 3) {
      score += 35 - 5 * days;
      reasons.push({
        kind: 'due_soon',
        text: `Due in ${days} day${days === 1 ? '' : 's'} (${task.dueDate})`,
      });
    } else if (days <= 7) {
      score += 10;
      reasons.push({ kind: 'due_soon', text: `Due within a week (${task.dueDate})` });
    }
  }
  if (task.blocks.length) {
    score += 15 * Math.min(task.blocks.length, 3);
    reasons.push({
      kind: 'blocks_others',
      text: `${list(task.blocks)} wait${task.blocks.length === 1 ? 's' : ''} on it`,
    });
  }
  if (task.sprint) {
    score += task.sprint.goal ? 15 : 10;
    reasons.push({
      kind: 'sprint_goal',
      text: task.sprint.goal
        ? `In the active sprint "${task.sprint.name}": ${task.sprint.goal}`.slice(0, 300)
        : `In the active sprint "${task.sprint.name}"`.slice(0, 300),
    });
  }
  if (task.status === 'in_progress' || task.status === 'in_review') {
    score += 20;
    reasons.push({ kind: 'in_progress', text: 'Already started: finishing beats starting something new' });
  }
  if (task.inCheckIn) {
    score += 15;
    reasons.push({ kind: 'check_in', text: "You named it in today's check-in" });
  }
  const idle = daysFrom(task.updatedOn, today);
  if (idle >= 7) {
    score += Math.min(5 + 5 * Math.floor((idle - 7) / 7), 20);
    reasons.push({ kind: 'stale', text: `Untouched for ${idle} days` });
  }
  if (task.priority === 'critical' || task.priority === 'high') {
    reasons.push({
      kind: 'priority',
      text: `${task.priority === 'critical' ? 'Critical' : 'High'} priority`,
    });
  }
  if (task.waitsOn.length || task.status === 'blocked') {
    score -= 25;
    reasons.push({
      kind: 'waiting',
      text: task.waitsOn.length ? `Waits on ${list(task.waitsOn)}` : 'Marked blocked',
    });
  }
  if (!reasons.length)
    reasons.push({
      kind: 'priority',
      text: `${task.priority[0]!.toUpperCase()}${task.priority.slice(1)} priority`,
    });
  return { score, reasons: reasons.slice(0, 6) };
}

/** The top five of the caller's open tasks by the rule above. */
export function localNext(input: NextInput): NextOutput {
  const scored = input.tasks.map((task) => ({ task, ...scoreNextTask(task, input.today) }));
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      (a.task.dueDate ?? '9999-12-31').localeCompare(b.task.dueDate ?? '9999-12-31') ||
      a.task.key.localeCompare(b.task.key, 'en', { numeric: true }),
  );
  const items: NextItem[] = scored
    .slice(0, 5)
    .map((s, i) => ({ taskId: s.task.id, rank: i + 1, score: s.score, reasons: s.reasons }));
  return { items };
}
