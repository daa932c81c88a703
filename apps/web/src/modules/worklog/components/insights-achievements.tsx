'use client';

import { INSIGHTS_ACHIEVEMENT_LIMIT, type WorklogInsights } from '@teamflow/contracts/worklog';
import { formatLocalDate } from '@/lib/local-dates';

// A glance, not the record: an export (review or CV) lists every achievement of its range.
const SHOWN = 20;

/** The range's newest achievements, saying how many more there are when not all are listed. */
export function InsightsAchievements({
  achievements,
  truncated,
}: {
  achievements: WorklogInsights['achievements'];
  truncated: boolean;
}) {
  if (achievements.length === 0) return null;
  // The api lists the newest INSIGHTS_ACHIEVEMENT_LIMIT only: past it, say "more than", not a count.
  const total = truncated
    ? `more than ${INSIGHTS_ACHIEVEMENT_LIMIT.toLocaleString('en')}`
    : achievements.length.toLocaleString('en');
  return (
    <section aria-labelledby="worklog-achievements">
      <h2 id="worklog-achievements" className="mb-2 font-semibold">
        Achievements
      </h2>
      {truncated || achievements.length > SHOWN ? (
        <p role="status" className="mb-2 text-sm text-slate-600 dark:text-slate-300">
          Showing the {SHOWN} most recent of {total} achievements in this range; an export lists them all.
        </p>
      ) : null}
      <ul className="list-disc pl-5 text-sm">
        {achievements.slice(0, SHOWN).map((a, i) => (
          <li key={`${a.entryId}-${i}`}>
            {a.text} {a.metric ? <strong>{a.metric}</strong> : null}{' '}
            <span className="text-xs text-slate-500 dark:text-slate-400">({formatLocalDate(a.date)})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
