import { MOOD_QUORUM } from '@teamflow/contracts/digests';

/** The team's mood as the digest may show it: an average only from MOOD_QUORUM answers up. */
export function teamMoodLine(average: number | null, count: number): string {
  const answers = `${count} ${count === 1 ? 'answer' : 'answers'}`;
  if (average !== null) return `${average} / 5 from ${answers}`;
  if (count === 0) return 'Nobody shared a mood';
  return `Hidden with ${answers}: shown from ${MOOD_QUORUM}, so no one's mood can be singled out`;
}
