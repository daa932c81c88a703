import type { Achievement } from '@teamflow/contracts/worklog';
import type { CompletedTaskRow } from './completed-tasks.repository';
import type { EntryWithInsight } from './worklog.repository';
import type { ExportDocument } from './export-document';

export interface ExportSource {
  kind: 'review' | 'cv';
  authorName: string;
  from: string;
  to: string;
  entries: EntryWithInsight[];
  tasks: (CompletedTaskRow & { localDate: string })[];
}

/** Numbers the evidence as it is first cited: an entry by its date, a task by its key. */
class Footnotes {
  private readonly byKey = new Map<string, number>();
  readonly list: { n: number; text: string }[] = [];
  cite(key: string, text: string): number {
    let n = this.byKey.get(key);
    if (!n) {
      n = this.list.length + 1;
      this.byKey.set(key, n);
      this.list.push({ n, text });
    }
    return n;
  }
  entry(e: EntryWithInsight): number {
    return this.cite(`entry:${e.entry.id}`, `Work log entry of ${e.entry.date} (entry ${e.entry.id})`);
  }
  task(t: CompletedTaskRow & { localDate: string }): number {
    return this.cite(`task:${t.id}`, `Task ${t.key} "${t.title}" (${t.project_name}), done ${t.localDate}`);
  }
}

const achievementLine = (a: Achievement) =>
  [
    a.text,
    a.impact && !a.text.includes(a.impact) ? `Impact: ${a.impact}.` : '',
    // The metric is most often a phrase of the sentence itself: said again only when it is not.
    a.metric && !a.text.includes(a.metric) ? `(${a.metric})` : '',
  ]
    .filter(Boolean)
    .join(' ');

/**
 * Review: grouped by project, achievements first (with their impact and metric), then the tasks
 * completed there, then skills. CV: skills (with how often the log shows them) and achievements.
 * Neither says anything of mood. Every bullet cites the entries and tasks it comes from.
 */
export function buildExportDocument(s: ExportSource): ExportDocument {
  const notes = new Footnotes();
  const analysed = s.entries.filter((e) => e.insight?.status === 'done' || e.insight?.analysedAt);
  const projectOf = (e: EntryWithInsight) => e.insight?.projects[0] ?? 'Other work';

  // Skills, most shown first, each citing (up to three of) the entries that show it.
  const skillEntries = new Map<string, EntryWithInsight[]>();
  for (const e of analysed)
    for (const skill of e.insight!.skills) skillEntries.set(skill, [...(skillEntries.get(skill) ?? []), e]);
  const skills = [...skillEntries.entries()].sort(
    (a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]),
  );
  const skillBullets = () =>
    skills.map(([skill, es]) => ({
      text: `${skill}: shown in ${es.length} ${es.length === 1 ? 'entry' : 'entries'}`,
      cites: es.slice(0, 3).map((e) => notes.entry(e)),
    }));

  const range = `${s.from} to ${s.to}`;
  if (s.kind === 'cv') {
    const achievements = analysed.flatMap((e) =>
      e.insight!.achievements.map((a) => ({
        text: achievementLine(a),
        cites: [notes.entry(e)],
        metric: !!a.metric,
      })),
    );
    achievements.sort((a, b) => Number(b.metric) - Number(a.metric));
    return {
      title: `${s.authorName}: skills and achievements`,
      subtitle: `From the work log, ${range}. Every line cites its evidence.`,
      sections: [
        { heading: 'Skills', subsections: [{ bullets: skillBullets() }] },
        {
          heading: 'Achievements',
          subsections: [{ bullets: achievements.map(({ text, cites }) => ({ text, cites })) }],
        },
      ],
      footnotes: notes.list,
    };
  }

  const projects = new Map<
    string,
    { achievements: { text: string; cites: number[] }[]; tasks: { text: string; cites: number[] }[] }
  >();
  const group = (name: string) => {
    if (!projects.has(name)) projects.set(name, { achievements: [], tasks: [] });
    return projects.get(name)!;
  };
  for (const e of analysed)
    for (const a of e.insight!.achievements)
      group(projectOf(e)).achievements.push({ text: achievementLine(a), cites: [notes.entry(e)] });
  for (const t of s.tasks)
    group(t.project_name).tasks.push({ text: `Completed ${t.key}: ${t.title}`, cites: [notes.task(t)] });
  const ordered = [...projects.entries()].sort(
    (a, b) =>
      Number(a[0] === 'Other work') - Number(b[0] === 'Other work') ||
      b[1].achievements.length + b[1].tasks.length - (a[1].achievements.length + a[1].tasks.length) ||
      a[0].localeCompare(b[0]),
  );
  return {
    title: `${s.authorName}: review ${range}`,
    subtitle: `From the work log and completed tasks. Every line cites its evidence.`,
    sections: [
      ...ordered.map(([name, p]) => ({
        heading: name,
        subsections: [
          ...(p.achievements.length ? [{ heading: 'Achievements', bullets: p.achievements }] : []),
          ...(p.tasks.length ? [{ heading: 'Completed tasks', bullets: p.tasks }] : []),
        ],
      })),
      ...(skills.length ? [{ heading: 'Skills', subsections: [{ bullets: skillBullets() }] }] : []),
    ],
    footnotes: notes.list,
  };
}
