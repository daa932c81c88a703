import type { WorklogInsights } from '@teamflow/contracts/worklog';

/**
 * The themes the entries come back to. A noun named in one entry only is not a theme: listing
 * every one ("adam (1), annoying (1), api (1)…") buried the few that recur.
 */
export function RecurringThemes({ themes }: { themes: WorklogInsights['themes'] }) {
  const recurring = themes.filter((t) => t.count >= 2).slice(0, 15);
  if (recurring.length === 0) return null;
  return (
    <p className="text-sm">
      <span className="font-semibold">Themes you came back to: </span>
      {recurring.map((t) => `${t.term} (${t.count} entries)`).join(', ')}
    </p>
  );
}
