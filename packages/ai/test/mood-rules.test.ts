import { analyse } from '../src/local/nlp';
import { moodScore } from '../src/local/mood.rules';
import { localAnalyseEntry } from '../src/local/worklog.rules';

const label = (body: string) => localAnalyseEntry({ body, tags: [], projects: [] }).sentiment.label;

describe('the local mood of a work-journal entry', () => {
  it('reads a meeting where nothing got decided as a bad day (wink alone read it as positive)', () => {
    const entry = 'Budget meeting ran long and nothing got decided. Frustrating.';
    expect(analyse(entry).sentiment).toBeGreaterThan(0);
    expect(label(entry)).toBe('negative');
  });

  it('counts a negated outcome against the author even where the word itself is neutral', () => {
    expect(label("Waited all day for access to the staging cluster. Couldn't get anything done.")).toBe(
      'negative',
    );
    expect(label("Didn't finish the search refactor.")).toBe('negative');
    expect(label('Nothing works and I have no idea why.')).toBe('negative');
    expect(label('Got it done.')).not.toBe('negative');
  });

  it('turns a bad word after "no", "never" or "without" to good, but not the object of a negated act', () => {
    expect(moodScore('The load test ran without a single error.')).toBeGreaterThan(0);
    expect(moodScore('Events are never lost now.')).toBeGreaterThan(0);
    // "not" denies the reproducing, not the crash: no good news, and no bad word either.
    expect(moodScore("Couldn't reproduce the crash.")).toBe(0);
    expect(moodScore('The demo was not good.')).toBeLessThan(0);
  });

  it('reads work words as a team lead would: stuck and slipped are bad, shipped and unblocked good', () => {
    expect(label('Still stuck on the flaky login test.')).toBe('negative');
    expect(label('Half the stories slipped to next sprint.')).toBe('negative');
    expect(label('Shipped the new auth endpoint.')).toBe('positive');
    expect(label('Unblocked the mobile team.')).toBe('positive');
  });

  it('does not read what was done as a feeling: decided, tested, questions, still, a launch to come', () => {
    for (const entry of [
      'Decided to use PostgreSQL full text search instead of Elasticsearch for now.',
      'Wrote migration scripts for the new tables and tested them on a copy of production.',
      'Answered a few questions on Slack in the evening.',
      'Planning for the launch next week.',
    ])
      expect(label(entry)).toBe('neutral');
  });

  it('keeps a flat sentence from diluting the one that carries the mood', () => {
    expect(moodScore('Frustrating. Worked on the settings page layout. Continued the API docs.')).toBe(
      moodScore('Frustrating.'),
    );
  });

  it('ends a negation at its clause: "but" and punctuation stop it', () => {
    expect(moodScore('Not much time today, but a great review.')).toBeGreaterThan(0);
    expect(moodScore('No meetings. Great focus.')).toBeGreaterThan(0);
  });

  it('is 0 for an entry with no word of feeling, and stays within −1 … 1', () => {
    expect(moodScore('Renamed the config keys and updated the README.')).toBe(0);
    expect(moodScore('')).toBe(0);
    const loud = moodScore('Excellent! Amazing! Superb! Fantastic! Wonderful!');
    expect(loud).toBeGreaterThan(0);
    expect(loud).toBeLessThanOrEqual(1);
  });
});
