import { MOOD_QUORUM } from '@teamflow/contracts/digests';
import { teamMoodLine } from '@/modules/async-updates/team-mood';

describe("the digest's team mood line", () => {
  it('gives the average with how many answered', () => {
    expect(teamMoodLine(3.7, 4)).toBe('3.7 / 5 from 4 answers');
  });

  it('says the average is hidden below the quorum, with how many answered and why', () => {
    expect(MOOD_QUORUM).toBe(3);
    expect(teamMoodLine(null, 2)).toBe('Hidden: 2 answers, shown from 3');
    expect(teamMoodLine(null, 1)).toBe('Hidden: 1 answer, shown from 3');
  });

  it('says nobody shared a mood when no one did', () => {
    expect(teamMoodLine(null, 0)).toBe('Nobody shared a mood');
  });
});
