import { MOOD_QUORUM } from '@teamflow/contracts/digests';

/** The team's mood as the digest may show it: an average only from MOOD_QUORUM answers up. */
export function teamMoodLine(average: number | null, count: number): string {
  const answers = `${count} ${count === 1 ? 'answer' : 'answers'}`;
  if (average !== null) return `${average} / 5 from ${answers}`;
  if (count === 0) return 'Nobody shared a mood';
  // Fewer answers than the quorum would point at a person, so the card says why there is no figure.
  return `Hidden: ${answers}, shown from ${MOOD_QUORUM}`;
}
