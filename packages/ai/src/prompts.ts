import type { BacklogInput, BreakdownInput, EntryInput, NextInput } from './inputs';

export const SYSTEM_PROMPT =
  'You are a pragmatic engineering lead inside TeamFlow, a task tracker. Answer with ONE JSON object only, no prose, matching exactly the shape asked for.';

export function breakdownPrompt(input: BreakdownInput): string {
  const t = input.task;
  return [
    `Project: ${input.projectName}`,
    `Task ${t.key} (priority ${t.priority}${t.storyPoints ? `, ${t.storyPoints} story points` : ''}): ${t.title}`,
    t.description ? `Description:\n${t.description.slice(0, 4000)}` : 'No description.',
    '',
    'Split this task into 3 to 10 concrete sub-tasks a developer can pick up, in the order they should be done.',
    'Shape: {"suggestions":[{"title":string (3-200 chars),"description":string,"estimatedHours":number (0.25-200),"confidence":number (0-1),"order":integer starting at 1}]}',
  ].join('\n');
}

const line = (t: BacklogInput['tasks'][number]) =>
  [
    `id=${t.id}`,
    `key=${t.key}`,
    `title=${JSON.stringify(t.title)}`,
    `status=${t.status}`,
    `priority=${t.priority}`,
    `due=${t.dueDate ?? 'none'}`,
    `created=${t.createdAt.slice(0, 10)}`,
    t.waitsOn.length ? `waitsOn=${t.waitsOn.join(',')}` : '',
    t.blocks.length ? `blocks=${t.blocks.join(',')}` : '',
  ]
    .filter(Boolean)
    .join(' ');

export function prioritizePrompt(input: BacklogInput): string {
  return [
    `Project: ${input.projectName}. Today is ${input.today}.`,
    'Open tasks:',
    ...input.tasks.map(line),
    '',
    'Rank EVERY task above (each id exactly once) by what the team should do first, weighing priority, due date (overdue first), dependencies (a task others wait on comes before them), blocked state and age.',
    'Shape: {"items":[{"taskId":string (the id above),"rank":integer from 1,"score":number (higher = sooner),"reason":string (one short sentence)}]}',
  ].join('\n');
}

export function summaryPrompt(input: BacklogInput): string {
  return [
    `Project: ${input.projectName}. Today is ${input.today}.`,
    'Tasks:',
    ...input.tasks.map(line),
    '',
    'Summarise the state of this project for the team in a short paragraph, then list highlights and risks (overdue, blocked, critical work).',
    'Shape: {"summary":string,"highlights":[string] (at most 10),"risks":[string] (at most 10)}',
  ].join('\n');
}

export function analyseEntryPrompt(input: EntryInput): string {
  return [
    'Read this private work-log entry (Markdown) by one person about their own work day.',
    `Their projects (name / key): ${input.projects.map((p) => `${p.name} / ${p.key}`).join('; ') || 'none'}`,
    `Tags: ${input.tags.join(', ') || 'none'}`,
    'Entry:',
    input.body.slice(0, 8000),
    '',
    'Give: sentiment of the author (score -1..1, label negative|neutral|positive); projects named (use the given names, or #tags); skills shown (technologies and practices, canonical names like "Kubernetes", "Code review"); achievements: sentences with an outcome (shipped, fixed, reduced, led...), each with the impact and the metric when the entry states one ("p99 from 800 to 120 ms", "40%"), never invented; up to 5 one-word themes.',
    'Shape: {"sentiment":{"score":number,"label":string},"projects":[string],"skills":[string],"achievements":[{"text":string,"impact":string?,"metric":string?}],"themes":[string]}',
  ].join('\n');
}

export function nextPrompt(input: NextInput): string {
  return [
    `Today is ${input.today}. These are the open tasks assigned to one person:`,
    ...input.tasks.map((t) =>
      [
        `id=${t.id}`,
        `key=${t.key}`,
        `title=${JSON.stringify(t.title)}`,
        `status=${t.status}`,
        `priority=${t.priority}`,
        `due=${t.dueDate ?? 'none'}`,
        `lastChanged=${t.updatedOn}`,
        t.blocks.length ? `blocks=${t.blocks.join(',')}` : '',
        t.waitsOn.length ? `waitsOn=${t.waitsOn.join(',')}` : '',
        t.sprint ? `sprint=${JSON.stringify(t.sprint.name)} goal=${JSON.stringify(t.sprint.goal ?? '')}` : '',
        t.inCheckIn ? 'inTodaysCheckIn=yes' : '',
      ]
        .filter(Boolean)
        .join(' '),
    ),
    '',
    'Pick at most 5 of these (ids above only, each once) that this person should take next, best first, weighing due dates (overdue first), tasks others wait on, the active sprint goal, work already started, what they named in today’s check-in, stale work and priority; tasks that wait on others come last.',
    'Give each 1 to 6 reasons, each with a kind (overdue, due_soon, blocks_others, sprint_goal, in_progress, check_in, stale, priority, waiting) and one short sentence.',
    'Shape: {"items":[{"taskId":string,"rank":integer from 1,"score":number (higher = sooner),"reasons":[{"kind":string,"text":string}]}]}',
  ].join('\n');
}
