import { MOOD_QUORUM, type DigestSections } from '@teamflow/contracts/digests';

export function moodAverage(moods: number[]): number | null {
  if (moods.length < MOOD_QUORUM) return null;
  return Math.round((moods.reduce((a, b) => a + b, 0) / moods.length) * 10) / 10;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The digest as plain Markdown from its sections: the template, and the frame around an AI summary. */
export function templateSummary(date: string, s: DigestSections, aiText?: string): string {
  const lines = [`## Digest for ${date}`, ''];
  if (aiText) lines.push(aiText, '');
  lines.push(
    `- **Check-ins:** ${plural(s.updates.length, 'update')}` +
      (s.missing.length ? `, missing: ${s.missing.map((p) => p.name).join(', ')}` : ', nobody missing') +
      (s.away.length ? `; away: ${s.away.map((p) => p.name).join(', ')}` : ''),
    `- **Blockers:** ${s.blockers.opened} opened, ${s.blockers.open} open (${s.blockers.unacknowledged} unacknowledged, ${s.blockers.escalated} escalated)`,
    `- **Incidents:** ${s.incidents.declared} declared, ${s.incidents.open} open, ${s.incidents.resolved} resolved`,
    `- **Decisions:** ${s.decisions.length ? s.decisions.map((d) => `${d.key} ${d.title}`).join('; ') : 'none'}`,
    `- **Tasks completed:** ${s.tasksCompleted.length ? s.tasksCompleted.map((t) => t.key).join(', ') : 'none'}`,
  );
  if (s.moodAverage !== null) lines.push(`- **Team mood:** ${s.moodAverage} / 5 (${s.moodCount} answers)`);
  return lines.join('\n');
}
