import type { SummaryOutput } from '@teamflow/contracts/ai';
import type { BacklogInput } from '../inputs';
import { analyse } from './nlp';
import { localPrioritize } from './prioritize.rules';

const OPEN = new Set(['todo', 'in_progress', 'in_review', 'blocked']);
const keys = (ts: { key: string }[]) =>
  ts.length > 4
    ? `${ts
        .slice(0, 4)
        .map((t) => t.key)
        .join(', ')} and ${ts.length - 4} more`
    : ts.map((t) => t.key).join(', ');

/**
 * Summary rules (deterministic): counts by state and the share done; highlights are the top of the
 * local ranking and the main themes (nouns shared by two or more open task titles, wink POS tags); risks
 * are overdue, blocked and waiting work, critical work not started, and a negative tone in open
 * task text (wink's sentiment lexicon, below −0.1).
 */
export function localSummarize(input: BacklogInput): SummaryOutput {
  const all = input.tasks;
  const open = all.filter((t) => OPEN.has(t.status));
  const done = all.filter((t) => t.status === 'done');
  const inProgress = all.filter((t) => t.status === 'in_progress' || t.status === 'in_review');
  const overdue = open.filter((t) => t.dueDate && t.dueDate < input.today);
  const blocked = open.filter((t) => t.status === 'blocked');
  const waiting = open.filter((t) => t.waitsOn.length > 0);
  const criticalTodo = open.filter((t) => t.priority === 'critical' && t.status === 'todo');
  const share = all.length ? Math.round((done.length / all.length) * 100) : 0;

  const nouns = new Map<string, number>();
  let tone = 0;
  for (const t of open) {
    const a = analyse(`${t.title}. ${(t.description ?? '').slice(0, 1000)}`);
    tone += a.sentiment;
    const inTitle = new Set(
      analyse(t.title)
        .words.filter((w) => (w.pos === 'NOUN' || w.pos === 'PROPN') && !w.stop && w.normal.length > 2)
        .map((w) => w.lemma),
    );
    for (const lemma of inTitle) nouns.set(lemma, (nouns.get(lemma) ?? 0) + 1);
  }
  // A theme is what several open tasks are about: a word of one title only is that task, not a
  // theme (two unrelated tasks gave "Main themes: description, drop, editing").
  const themes = [...nouns.entries()]
    .filter(([, tasks]) => tasks >= 2)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 3)
    .map(([n]) => n);
  const meanTone = open.length ? tone / open.length : 0;

  const summary =
    all.length === 0
      ? `${input.projectName} has no tasks yet.`
      : `${input.projectName}: ${all.length} task${all.length === 1 ? '' : 's'}, ${done.length} done (${share}%), ` +
        `${inProgress.length} in progress, ${open.length - inProgress.length} waiting to start or blocked. ` +
        (overdue.length || blocked.length
          ? `${overdue.length} overdue and ${blocked.length} blocked need attention.`
          : 'Nothing is overdue or blocked.');

  const ranked = localPrioritize({ ...input, tasks: open }).items.slice(0, 3);
  const byId = new Map(open.map((t) => [t.id, t]));
  const highlights = [
    ...(themes.length ? [`Main themes: ${themes.join(', ')}`] : []),
    ...ranked.map(
      (r) => `Next up: ${byId.get(r.taskId)!.key} ${byId.get(r.taskId)!.title} (${r.reason.toLowerCase()})`,
    ),
    ...(done.length ? [`${done.length} task${done.length === 1 ? '' : 's'} done`] : []),
  ].map((s) => s.slice(0, 300));
  const risks = [
    ...(overdue.length ? [`Overdue: ${keys(overdue)}`] : []),
    ...(blocked.length ? [`Blocked: ${keys(blocked)}`] : []),
    ...(waiting.length ? [`Waiting on other tasks: ${keys(waiting)}`] : []),
    ...(criticalTodo.length ? [`Critical and not started: ${keys(criticalTodo)}`] : []),
    ...(meanTone < -0.1 ? ['The wording of open tasks is negative (frustration or trouble reported)'] : []),
  ].map((s) => s.slice(0, 300));
  return { summary: summary.slice(0, 4000), highlights: highlights.slice(0, 10), risks: risks.slice(0, 10) };
}
