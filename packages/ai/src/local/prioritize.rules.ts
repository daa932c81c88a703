import type { PrioritizeOutput } from '@teamflow/contracts/ai';
import type { BacklogInput, BacklogTask } from '../inputs';

const PRIORITY: Record<BacklogTask['priority'], number> = { critical: 40, high: 30, medium: 20, low: 10 };
const DAY = 86_400_000;

const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);
const list = (keys: string[]) =>
  keys.length > 3 ? `${keys.slice(0, 3).join(', ')} and ${keys.length - 3} more` : keys.join(', ');

interface Factor {
  points: number;
  why: string;
}

/** The factors behind one task's score, biggest first (see docs/ai.md for the table). */
export function factorsOf(task: BacklogTask, today: string): Factor[] {
  const f: Factor[] = [{ points: PRIORITY[task.priority], why: `${task.priority} priority` }];
  if (task.dueDate) {
    const left = days(today, task.dueDate);
    if (left < 0)
      f.push({ points: 30 + Math.min(-left, 14), why: `overdue by ${-left} day${left === -1 ? '' : 's'}` });
    else if (left <= 2)
      f.push({ points: 20, why: left === 0 ? 'due today' : `due in ${left} day${left === 1 ? '' : 's'}` });
    else if (left <= 7) f.push({ points: 10, why: `due in ${left} days` });
  }
  if (task.blocks.length > 0)
    f.push({
      points: Math.min(30, 10 * task.blocks.length),
      why: `${list(task.blocks)} wait${task.blocks.length === 1 ? 's' : ''} on it`,
    });
  if (task.status === 'blocked') f.push({ points: 10, why: 'marked blocked: clear the blocker' });
  if (task.waitsOn.length > 0) f.push({ points: -15, why: `waits on ${list(task.waitsOn)}` });
  if (task.status === 'in_progress' || task.status === 'in_review')
    f.push({ points: 5, why: task.status === 'in_review' ? 'in review: finish it' : 'already in progress' });
  const age = days(task.createdAt.slice(0, 10), today);
  if (age >= 7) f.push({ points: Math.min(10, Math.floor(age / 7)), why: `open for ${age} days` });
  return f.sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
}

/**
 * Ranking rules (deterministic): score = sum of the factors; ties go to the earlier due date,
 * then the older task, then the key. The reason names the three biggest factors.
 */
export function localPrioritize(input: BacklogInput): PrioritizeOutput {
  const scored = input.tasks.map((task) => {
    const factors = factorsOf(task, input.today);
    return { task, score: factors.reduce((s, x) => s + x.points, 0), factors };
  });
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      (a.task.dueDate ?? '9999').localeCompare(b.task.dueDate ?? '9999') ||
      a.task.createdAt.localeCompare(b.task.createdAt) ||
      a.task.key.localeCompare(b.task.key, 'en', { numeric: true }),
  );
  return {
    items: scored.map((s, i) => {
      const reason = s.factors
        .slice(0, 3)
        .map((x) => x.why)
        .join('; ');
      return {
        taskId: s.task.id,
        rank: i + 1,
        score: s.score,
        reason: reason.charAt(0).toUpperCase() + reason.slice(1),
      };
    }),
  };
}
