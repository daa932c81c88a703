'use client';

import type { EntryAnalysis } from '@teamflow/contracts/worklog';

const chip = 'rounded-full px-2 py-0.5 text-xs font-medium';
const MOOD: Record<EntryAnalysis['sentiment']['label'], string> = {
  positive: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/40 dark:text-emerald-200',
  neutral: 'bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-200',
  negative: 'bg-rose-100 text-rose-900 dark:bg-rose-900/40 dark:text-rose-200',
};

/** What the analysis found in one entry: mood, skills, projects, achievements, and who read it. */
export function AnalysisChips({ analysis }: { analysis: EntryAnalysis }) {
  if (analysis.status === 'pending')
    return (
      <p role="status" className="text-xs text-slate-500 dark:text-slate-400">
        Analysing…
      </p>
    );
  if (analysis.status === 'failed')
    return (
      <p className="text-xs text-rose-700 dark:text-rose-300">
        The analysis could not run; it retries on the next save.
      </p>
    );
  return (
    <div className="flex flex-col gap-1" data-testid="analysis-chips">
      <ul aria-label="What the analysis found" className="flex flex-wrap gap-1">
        <li className={`${chip} ${MOOD[analysis.sentiment.label]}`}>
          Mood: {analysis.sentiment.label} ({analysis.sentiment.score.toFixed(2)})
        </li>
        {analysis.projects.map((p) => (
          <li
            key={`p-${p}`}
            className={`${chip} bg-indigo-100 text-indigo-900 dark:bg-indigo-900/40 dark:text-indigo-200`}
          >
            Project: {p}
          </li>
        ))}
        {analysis.skills.map((s) => (
          <li
            key={`s-${s}`}
            className={`${chip} bg-sky-100 text-sky-900 dark:bg-sky-900/40 dark:text-sky-200`}
          >
            {s}
          </li>
        ))}
        {analysis.provider ? (
          <li
            className={`${chip} border border-slate-300 text-slate-600 dark:border-slate-600 dark:text-slate-300`}
          >
            by {analysis.provider === 'local' ? 'local model (offline)' : analysis.provider}
          </li>
        ) : null}
      </ul>
      {analysis.achievements.length > 0 ? (
        <ul aria-label="Achievements" className="list-disc pl-5 text-xs text-slate-700 dark:text-slate-300">
          {analysis.achievements.map((a, i) => (
            <li key={i}>
              {a.text}
              {a.metric ? <strong className="ml-1">{a.metric}</strong> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
